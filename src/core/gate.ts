// The first question the content script asks a page: could any alias occur in its text at all?
// Most pages a reader opens never name a topic, and answering "no" cheaply is what keeps
// Backstory's cost on them near an empty script's: no matcher, no index, no extension API.
//
// The gate holds one needle per alias: words of the alias (Latin, Cyrillic, digits) that any text
// the matcher would match it in holds as words in a row once lower-cased, or a piece of a name in
// Japanese or Chinese that such text contains. Text the matcher folds further (Latin letters with
// diacritics, full-width forms) is never judged here: it goes to the matcher. So the gate only
// ever says "maybe" too often, never "no" where the matcher would find a mention.
//
// No RegExp of needles: compiled on the page, one of a few hundred needles cost a content script
// ~15 ms on a 20 KB page (its first runs are interpreted, then compiled); the words are looked up
// in sets instead. Short text is read a character at a time, as a context's first RegExp costs it
// ~0.8 ms (measured on a one-line page); longer text is split by one small RegExp, where a
// character loop cost more (on a 20 KB page, 15-21 ms against 9-11 for the whole read, in-page).

/** Text longer than this is split with a RegExp, not read a character at a time. */
const SHORT_TEXT = 2048;

/** Characters foldChars (text-fold.ts) maps besides dashes and quotes: Latin letters with diacritics, full-width forms. */
const FOLDED_ELSEWHERE = /[\u00c0-\u024f\u1e00-\u1eff\uff01-\uff5e]/;
const isFoldedElsewhere = (c: number) => (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0xff01 && c <= 0xff5e);
/** A letter or digit of the gate's words (lower case, unfolded): a-z, 0-9, а-я. */
const isWordCode = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x430 && c <= 0x44f);
/** What separates the gate's words. */
const NOT_WORD = /[^a-z0-9\u0430-\u044f]+/;

/**
 * The words of lower-cased text in order (runs of a-z, 0-9, а-я; an empty one where split finds a
 * separator at an end), or null if it has a character the matcher folds further (such text skips
 * the gate).
 */
function wordsOf(lower: string): string[] | null {
  if (lower.length > SHORT_TEXT) return FOLDED_ELSEWHERE.test(lower) ? null : lower.split(NOT_WORD);
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    if (isWordCode(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (isFoldedElsewhere(c)) return null;
    if (start >= 0) words.push(lower.slice(start, i));
    start = -1;
  }
  return words;
}

/** Between the words of a word needle. */
export const GAP = ' ';
/**
 * After a needle's word that may begin a longer word of the text: a word cut to its start (gate-needles.ts),
 * and the last word of a stem (Russian case endings; build.mjs marks a stem's key with it too).
 */
export const GATE_STEM = '*';
/** Text is asked about in chunks of up to this much (page-text.ts), so a page naming a topic early is read no further. */
export const QUICK_LIMIT = 4096;

/**
 * What the gate looks for, one needle per alias. `words`: the starts of words in a row that begin
 * any text the alias is matched in (Latin, Cyrillic, digits), separated by a space; `anywhere`:
 * plain strings that can begin anywhere (Japanese, Chinese).
 */
export interface GateNeedles {
  words: string[];
  anywhere: string[];
}

/** The gate as the first script carries it: strings and a few numbers, the cheapest thing to evaluate. */
export interface PackedGate {
  /** Needles of one word, and the first words of needles of several, joined by '|' (GATE_STEM after a start). */
  words: string;
  /** The lengths of the starts among those, shortest first. */
  lengths: number[];
  /** Needles of several words, each after a '|', their words by a space (GATE_STEM after a start). */
  sequences: string;
  /** The `anywhere` needles, joined by '|'. */
  anywhere: string;
}

/** Whether a text word is a needle's word: the same, or (GATE_STEM after it) begun by it. */
const isWord = (text: string | undefined, needle: string) =>
  text !== undefined && (needle.endsWith(GATE_STEM) ? text.startsWith(needle.slice(0, -GATE_STEM.length)) : text === needle);

/** Whether the words from `at` are a needle's words. */
function holdsAt(words: readonly string[], at: number, needle: readonly string[]): boolean {
  for (let k = 0; k < needle.length; k++) if (!isWord(words[at + k], needle[k]!)) return false;
  return true;
}

/** A lookup in the gate's list of first words. */
type Has = (first: string) => boolean;

/**
 * What a text word can begin: null (no needle), BEGINS (a needle of one word: the text is a
 * "maybe"), or the needles of several words to try where it stands.
 */
type Candidates = null | typeof BEGINS | readonly (readonly string[])[];
const BEGINS = true;

/** Past this many words, a text's words are looked up in sets built once, not in the packed lists. */
const FEW_WORDS = 64;

/** The needles of several words that begin with `first` (GATE_STEM after a start), each as its words. */
function sequencesFrom(sequences: string, first: string): string[][] {
  const found: string[][] = [];
  const from = `|${first}${GAP}`;
  for (let i = sequences.indexOf(from); i >= 0; i = sequences.indexOf(from, i + 1)) {
    const end = sequences.indexOf('|', i + 1);
    found.push(sequences.slice(i + 1, end < 0 ? undefined : end).split(GAP));
  }
  return found;
}

/**
 * The gate's first words as the page asks about them: each first word's sequences are read
 * from the packed string once, on the first text word that begins with it.
 */
function firstWords(gate: PackedGate) {
  const listed = `|${gate.words}|`;
  let set: Set<string> | null = null;
  const parsed = new Map<string, string[][]>();
  return {
    /** A text's few words are looked up in the packed list; building a set of it pays only for many. */
    lookup(many: boolean): Has {
      if (!many) return (w) => listed.includes(`|${w}|`);
      const firsts = (set ??= new Set(gate.words.split('|')));
      return (w) => firsts.has(w);
    },
    /** What a text word begins: as it is, or by one of its starts. */
    candidates(word: string, isFirst: Has): Candidates {
      let found: string[][] | null = null;
      const { lengths } = gate;
      for (let k = -1; k < lengths.length && (k < 0 || lengths[k]! <= word.length); k++) {
        const first = k < 0 ? word : word.slice(0, lengths[k]) + GATE_STEM;
        if (!isFirst(first)) continue;
        let needles = parsed.get(first);
        if (!needles) parsed.set(first, (needles = sequencesFrom(gate.sequences, first)));
        // A needle of one word is never the first of another (GateNeedles drops what another implies).
        if (needles.length === 0) return BEGINS;
        found = found ? found.concat(needles) : needles;
      }
      return found;
    },
  };
}

/**
 * The gate: false only where the matcher can find no alias (of the needles packed) in the text.
 * Null (a corpus too big for a gate, or own packs) says yes to everything.
 */
export function createGate(gate: PackedGate | null): (text: string) => boolean {
  if (!gate) return () => true;
  let anywhere: string[] | null = null;
  const firsts = firstWords(gate);
  return (text) => {
    // ё is folded to е (text-fold.ts): here too, as the needles have it.
    const lower = text.toLowerCase().replaceAll('ё', 'е');
    // A character that lower-cases to two (İ) is one the matcher folds further.
    if (lower.length !== text.length) return true;
    anywhere ??= gate.anywhere ? gate.anywhere.split('|') : [];
    if (anywhere.some((n) => lower.includes(n))) return true;
    const words = wordsOf(lower);
    if (!words) return true;
    return holdsNeedle(words, firsts);
  };
}

/**
 * Whether a needle begins at any of the words: one pass in order, each distinct word's candidates
 * worked out once (a page repeats most of its words), only the needles a word begins tried where it stands.
 */
function holdsNeedle(words: readonly string[], firsts: ReturnType<typeof firstWords>): boolean {
  const isFirst = firsts.lookup(words.length > FEW_WORDS);
  const known = new Map<string, Candidates>();
  for (let at = 0; at < words.length; at++) {
    const word = words[at]!;
    if (word === '') continue;
    let candidates = known.get(word);
    if (candidates === undefined) known.set(word, (candidates = firsts.candidates(word, isFirst)));
    if (candidates === null) continue;
    if (candidates === BEGINS) return true;
    for (const needle of candidates) if (holdsAt(words, at, needle)) return true;
  }
  return false;
}
