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

/** A run of the letters and digits the gate reads as words (lower case, unfolded). */
const WORD_RUN = /^[a-z0-9\u0430-\u044f]+$/;
/** Between the words of a word needle. */
const GAP = ' ';
/**
 * After a needle's word that may begin a longer word of the text: a word cut to its start (below),
 * and the last word of a stem (Russian case endings; build.mjs marks a stem's key with it too).
 */
export const GATE_STEM = '*';
/**
 * Longer words of a needle are cut to their start, so the forms of a word are one needle
 * ("мирного договора", "мирному договору": "мирно* догов*"; "territorial dispute(s)"), which keeps
 * the first script short. Cyrillic words end in their case endings.
 */
const LATIN_START = 7;
const CYRILLIC_START = 5;
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

/** A run at least this long tells a name from ordinary prose better than "of", "the" or "war". */
const TELLING_RUN = 4;
/**
 * A needle of a name written in words is its shortest stretch of words in a row holding this many
 * telling ones ("second world", "japan soviet", "peace treaty"): one word alone ("people",
 * "world", "security", "minister") is in nearly every page of English, which then went on to the
 * matcher though it named nothing; the whole name would make the first script longer.
 */
const TELLING_RUNS = 2;

/** Where in the key's runs its needle lies: the shortest stretch with TELLING_RUNS telling runs (all of them if it has fewer). */
function tellingStretch(runs: readonly string[]): [number, number] {
  let best: [number, number] = [0, runs.length];
  let bestChars = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs.length; i++) {
    let telling = 0;
    let chars = 0;
    for (let j = i; j < runs.length; j++) {
      chars += runs[j]!.length;
      if (runs[j]!.length >= TELLING_RUN) telling++;
      if (telling < TELLING_RUNS) continue;
      if (chars < bestChars) [best, bestChars] = [[i, j + 1], chars];
      break;
    }
  }
  return best;
}

/** A needle's word as the gate looks for it: whole, or its start with GATE_STEM after it. */
function needleWord(word: string, stem: boolean): string {
  const cut = /[\u0430-\u044f]/.test(word) ? CYRILLIC_START : LATIN_START;
  return word.length > cut ? word.slice(0, cut) + GATE_STEM : stem ? word + GATE_STEM : word;
}

/**
 * The needle of a folded alias key (GATE_STEM after a stem's), which any text the alias is matched
 * in holds once lower-cased. A name written in words (Latin, Cyrillic, digits): its shortest
 * stretch of words holding two telling ones (tellingStretch), each as needleWord says. A name in
 * Japanese or Chinese (even after a digit: 2島返還) can begin anywhere: its longest run.
 */
export function needleOf(alias: string): { word: string } | { anywhere: string } {
  const stem = alias.endsWith(GATE_STEM);
  const key = stem ? alias.slice(0, -GATE_STEM.length) : alias;
  const runs = key.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (runs.length > 0 && runs.every((r) => WORD_RUN.test(r))) {
    const [from, to] = tellingStretch(runs);
    return {
      word: runs
        .slice(from, to)
        .map((w, k) => needleWord(w, stem && from + k === runs.length - 1))
        .join(GAP),
    };
  }
  const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), '') || key;
  // A word among other scripts: whatever follows it, it begins a word.
  return WORD_RUN.test(longest) ? { word: needleWord(longest, true) } : { anywhere: longest };
}

/**
 * Needles another needle implies add nothing: every text the longer fires on has the shorter.
 * `parts` lists what of a needle another needle could be (its prefixes, or all its substrings):
 * looked up in a set, so a corpus of 10,000 aliases builds in no time.
 */
function withoutImplied(needles: Set<string>, parts: (needle: string) => Iterable<string>): string[] {
  const implied = (n: string) => {
    for (const p of parts(n)) if (p !== n && needles.has(p)) return true;
    return false;
  };
  return [...needles].filter((n) => !implied(n)).sort();
}

/** Whether a text word that is needle word `b` is always needle word `a` too. */
function wordImplies(a: string, b: string): boolean {
  if (!a.endsWith(GATE_STEM)) return a === b;
  return b.startsWith(a.slice(0, -GATE_STEM.length));
}

/** The needles no other implies: only needles whose first word implies another's first can imply it. */
function withoutImpliedWords(needles: string[]): string[] {
  const byFirst = new Map<string, string[]>();
  for (const n of needles) {
    const first = n.split(GAP)[0]!;
    byFirst.set(first, [...(byFirst.get(first) ?? []), n]);
  }
  const implying = (b: string) => {
    const first = b.split(GAP)[0]!;
    const bare = first.endsWith(GATE_STEM) ? first.slice(0, -GATE_STEM.length) : first;
    const firsts = [first, ...Array.from({ length: bare.length }, (_, i) => bare.slice(0, i + 1) + GATE_STEM)];
    return firsts.flatMap((f) => byFirst.get(f) ?? []);
  };
  return needles.filter((b) => !implying(b).some((a) => wordsImply(a, b))).sort();
}

/** Whether every text holding needle `b` holds needle `a`. */
function wordsImply(a: string, b: string): boolean {
  const as = a.split(GAP);
  const bs = b.split(GAP);
  return a !== b && as.length <= bs.length && as.every((w, k) => wordImplies(w, bs[k]!));
}

function* substrings(s: string): Iterable<string> {
  for (let i = 0; i < s.length; i++) for (let j = i + 1; j <= s.length; j++) yield s.slice(i, j);
}

/** The gate's needles for a set of folded alias keys (build time). */
export function gateNeedles(keys: Iterable<string>): GateNeedles {
  const words = new Set<string>();
  const anywhere = new Set<string>();
  for (const key of keys) {
    const n = needleOf(key);
    if ('word' in n) words.add(n.word);
    else anywhere.add(n.anywhere);
  }
  return {
    words: withoutImpliedWords([...words]),
    anywhere: withoutImplied(anywhere, substrings),
  };
}

/**
 * Past this many characters the gate would cost every page more to evaluate than it saves on the
 * pages it keeps quiet (a corpus of 10,000 aliases made a 950 KB first script): the first script
 * then carries no gate and sends every page on to the matcher.
 */
export const MAX_GATE_CHARS = 64 * 1024;

/** The gate as the first script carries it; null when the corpus is too big for one (MAX_GATE_CHARS). */
export function packGate({ words, anywhere }: GateNeedles): PackedGate | null {
  const firsts = [...new Set(words.map((w) => w.split(GAP)[0]!))];
  const starts = firsts.filter((w) => w.endsWith(GATE_STEM)).map((w) => w.length - GATE_STEM.length);
  const gate: PackedGate = {
    words: firsts.join('|'),
    lengths: [...new Set(starts)].sort((x, y) => x - y),
    sequences: words
      .filter((w) => w.includes(GAP))
      .map((w) => `|${w}`)
      .join(''),
    anywhere: anywhere.join('|'),
  };
  return gate.words.length + gate.sequences.length + gate.anywhere.length > MAX_GATE_CHARS ? null : gate;
}

/** Whether a text word is a needle's word: the same, or (GATE_STEM after it) begun by it. */
const isWord = (text: string | undefined, needle: string) =>
  text !== undefined && (needle.endsWith(GATE_STEM) ? text.startsWith(needle.slice(0, -GATE_STEM.length)) : text === needle);

/** Whether the words from `at` are a needle's words. */
function holdsAt(words: readonly string[], at: number, needle: readonly string[]): boolean {
  for (let k = 0; k < needle.length; k++) if (!isWord(words[at + k], needle[k]!)) return false;
  return true;
}

/** Whether `word`, at any of its places in the words, begins a needle of several words whose first is `first`. */
function holdsSequence(words: readonly string[], word: string, first: string, sequences: string): boolean {
  const from = `|${first}${GAP}`;
  for (let i = sequences.indexOf(from); i >= 0; i = sequences.indexOf(from, i + 1)) {
    const end = sequences.indexOf('|', i + 1);
    const needle = sequences.slice(i + 1, end < 0 ? undefined : end).split(GAP);
    for (let at = words.indexOf(word); at >= 0; at = words.indexOf(word, at + 1)) if (holdsAt(words, at, needle)) return true;
  }
  return false;
}

/** A lookup in the gate's list of first words. */
type Has = (first: string) => boolean;

/** Whether a needle of one word is this first word, or (if none) one of several holds from here. */
const beginsHere = (words: readonly string[], word: string, first: string, sequences: string) =>
  // A needle of one word is never the first of another (GateNeedles drops what another implies).
  !sequences.includes(`|${first}${GAP}`) || holdsSequence(words, word, first, sequences);

/** Whether a word begins a needle: as it is, or by one of its starts. */
function beginsNeedle(words: readonly string[], word: string, gate: PackedGate, isFirst: Has): boolean {
  if (isFirst(word) && beginsHere(words, word, word, gate.sequences)) return true;
  const { lengths } = gate;
  for (let k = 0; k < lengths.length && lengths[k]! <= word.length; k++) {
    const first = word.slice(0, lengths[k]) + GATE_STEM;
    if (isFirst(first) && beginsHere(words, word, first, gate.sequences)) return true;
  }
  return false;
}

/** Past this many distinct words, a text's words are looked up in sets built once, not in the packed lists. */
const FEW_WORDS = 64;

/**
 * The gate: false only where the matcher can find no alias (of the needles packed) in the text.
 * Null (a corpus too big for a gate, or own packs) says yes to everything.
 */
export function createGate(gate: PackedGate | null): (text: string) => boolean {
  if (!gate) return () => true;
  let anywhere: string[] | null = null;
  const listed = `|${gate.words}|`;
  let firsts: Set<string> | null = null;
  /** A text's few words are looked up in the packed list; building a set of it pays only for many. */
  const lookup = (many: boolean): Has => {
    if (!many) return (w) => listed.includes(`|${w}|`);
    const set = (firsts ??= new Set(gate.words.split('|')));
    return (w) => set.has(w);
  };
  return (text) => {
    // ё is folded to е (text-fold.ts): here too, as the needles have it.
    const lower = text.toLowerCase().replaceAll('ё', 'е');
    // A character that lower-cases to two (İ) is one the matcher folds further.
    if (lower.length !== text.length) return true;
    anywhere ??= gate.anywhere ? gate.anywhere.split('|') : [];
    if (anywhere.some((n) => lower.includes(n))) return true;
    const inText = wordsOf(lower);
    if (!inText) return true;
    // Each word once: a page repeats most of its words.
    const distinct = Array.from(new Set(inText));
    const isFirst = lookup(distinct.length > FEW_WORDS);
    for (let i = 0; i < distinct.length; i++) {
      const word = distinct[i]!;
      if (word !== '' && beginsNeedle(inText, word, gate, isFirst)) return true;
    }
    return false;
  };
}
