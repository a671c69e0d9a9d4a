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
// ~0.8 ms (measured on a one-line page); longer text is split by one small RegExp, as a
// character loop cost ~0.3 ms a KB there (6.5 ms on the same 20 KB page).

/** Text longer than this is split with a RegExp, not read a character at a time. */
const SHORT_TEXT = 2048;

/** Characters foldChars (text-fold.ts) maps besides dashes and quotes: Latin letters with diacritics, full-width forms. */
const FOLDED_ELSEWHERE = /[\u00c0-\u024f\u1e00-\u1eff\uff01-\uff5e]/;
const isFoldedElsewhere = (c: number) => (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0xff01 && c <= 0xff5e);

/** Whether the text has a character foldChars changes besides dashes and quotes: such text skips the gate. */
function foldedElsewhere(text: string): boolean {
  if (text.length > SHORT_TEXT) return FOLDED_ELSEWHERE.test(text);
  for (let i = 0; i < text.length; i++) if (isFoldedElsewhere(text.charCodeAt(i))) return true;
  return false;
}

/** A letter or digit of the gate's words (lower case, unfolded): a-z, 0-9, а-я. */
const isWordCode = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x430 && c <= 0x44f);
/** What separates the gate's words. */
const NOT_WORD = /[^a-z0-9\u0430-\u044f]+/;

/** The words of lower-cased text, in order: runs of a-z, 0-9, а-я. */
function wordsOf(lower: string): string[] {
  // Split leaves an empty string at each end that starts or ends with a separator: no needle is empty.
  if (lower.length > SHORT_TEXT) return lower.split(NOT_WORD);
  const words: string[] = [];
  for (let i = 0; i < lower.length; ) {
    while (i < lower.length && !isWordCode(lower.charCodeAt(i))) i++;
    const start = i;
    while (i < lower.length && isWordCode(lower.charCodeAt(i))) i++;
    if (i > start) words.push(lower.slice(start, i));
  }
  return words;
}

/** A run of the letters and digits the gate reads as words (lower case, unfolded). */
const WORD_RUN = /^[a-z0-9\u0430-\u044f]+$/;
/** Between the words of a word needle. */
const GAP = ' ';
/** After the last word of a needle that may begin a longer word: a stem (Russian case endings, STEM_MARK in automaton-layout.ts). */
export const GATE_STEM = '*';
/** Text is asked about in chunks of up to this much (page-text.ts), so a page naming a topic early is read no further. */
export const QUICK_LIMIT = 4096;

/**
 * What the gate looks for, one needle per alias. `words`: the words that begin any text the alias
 * is matched in (Latin, Cyrillic, digits), separated by a space, each whole but a stem's last
 * (GATE_STEM after it); `anywhere`: plain strings that can begin anywhere (Japanese, Chinese).
 */
export interface GateNeedles {
  words: string[];
  anywhere: string[];
}

/** The gate as the first script carries it: strings and a few numbers, the cheapest thing to evaluate. */
export interface PackedGate {
  /** Needles of one whole word, and the first words of needles of several, joined by '|'. */
  words: string;
  /** Needles of one word that may begin a longer one ("курил": "курильских"), joined by '|'. */
  stems: string;
  /** The lengths of those, shortest first. */
  stemLengths: number[];
  /** Needles of several words, each after a '|' (words by a space, GATE_STEM after a stem). */
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

/**
 * The needle of a folded alias key (with GATE_STEM after a stem), which any text the alias is matched
 * in holds once lower-cased. A name written in words (Latin, Cyrillic, digits): its shortest stretch
 * of words holding two telling ones (tellingStretch). A name in Japanese or Chinese (even after a
 * digit: 2島返還) can begin anywhere: its longest run.
 */
export function needleOf(alias: string): { word: string } | { anywhere: string } {
  const stem = alias.endsWith(GATE_STEM);
  const key = stem ? alias.slice(0, -GATE_STEM.length) : alias;
  const runs = key.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (runs.length > 0 && runs.every((r) => WORD_RUN.test(r))) {
    const [from, to] = tellingStretch(runs);
    return { word: runs.slice(from, to).join(GAP) + (stem && to === runs.length ? GATE_STEM : '') };
  }
  const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), '') || key;
  // A word among other scripts: whatever follows it, it begins a word.
  return WORD_RUN.test(longest) ? { word: longest + GATE_STEM } : { anywhere: longest };
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

/** The word needles that fire wherever this one does: its first words, whole or a stem of the next. */
function* prefixes(needle: string): Iterable<string> {
  const stem = needle.endsWith(GATE_STEM);
  const words = (stem ? needle.slice(0, -GATE_STEM.length) : needle).split(GAP);
  for (let k = 0; k < words.length; k++) {
    const before = words
      .slice(0, k)
      .map((w) => w + GAP)
      .join('');
    const whole = k < words.length - 1 || !stem;
    if (whole) yield before + words[k];
    for (let i = 1; i <= words[k]!.length; i++) yield before + words[k]!.slice(0, i) + GATE_STEM;
  }
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
    words: withoutImplied(words, prefixes),
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
  const single = words.filter((w) => !w.includes(GAP));
  const several = words.filter((w) => w.includes(GAP));
  const stems = single.filter((w) => w.endsWith(GATE_STEM)).map((w) => w.slice(0, -GATE_STEM.length));
  const gate: PackedGate = {
    words: [...new Set([...single.filter((w) => !w.endsWith(GATE_STEM)), ...several.map((w) => w.split(GAP)[0]!)])].join('|'),
    stems: stems.join('|'),
    stemLengths: [...new Set(stems.map((w) => w.length))].sort((x, y) => x - y),
    sequences: several.map((w) => `|${w}`).join(''),
    anywhere: anywhere.join('|'),
  };
  const size = gate.words.length + gate.stems.length + gate.sequences.length + gate.anywhere.length;
  return size > MAX_GATE_CHARS ? null : gate;
}

/** Whether a text word is a needle's word: the same, or (a stem: GATE_STEM after it) its start. */
const sameWord = (text: string | undefined, needle: string) =>
  text !== undefined && (needle.endsWith(GATE_STEM) ? text.startsWith(needle.slice(0, -GATE_STEM.length)) : text === needle);

/** Whether the words from `at` are a needle's. */
function holdsAt(words: readonly string[], at: number, needle: readonly string[]): boolean {
  for (let k = 0; k < needle.length; k++) if (!sameWord(words[at + k], needle[k]!)) return false;
  return true;
}

/** Whether the words hold a needle of several words that starts with `first` (sequences: PackedGate's). */
function holdsSequence(words: readonly string[], first: string, sequences: string): boolean {
  const from = `|${first}${GAP}`;
  for (let i = sequences.indexOf(from); i >= 0; i = sequences.indexOf(from, i + 1)) {
    const end = sequences.indexOf('|', i + 1);
    const needle = sequences.slice(i + 1, end < 0 ? undefined : end).split(GAP);
    for (let at = words.indexOf(first); at >= 0; at = words.indexOf(first, at + 1)) if (holdsAt(words, at, needle)) return true;
  }
  return false;
}

/** Whether a word begins with a stem. */
function beginsWithStem(word: string, stems: ReadonlySet<string>, lengths: readonly number[]): boolean {
  for (let k = 0; k < lengths.length && lengths[k]! <= word.length; k++) if (stems.has(word.slice(0, lengths[k]))) return true;
  return false;
}

/**
 * The gate: false only where the matcher can find no alias (of the needles packed) in the text.
 * Null (a corpus too big for a gate, or own packs) says yes to everything.
 */
export function createGate(gate: PackedGate | null): (text: string) => boolean {
  if (!gate) return () => true;
  let words: Set<string> | null = null;
  let stems: Set<string> | null = null;
  let anywhere: string[] | null = null;
  return (text) => {
    if (foldedElsewhere(text)) return true;
    // ё is folded to е (text-fold.ts): here too, as the needles have it.
    const lower = text.toLowerCase().replaceAll('ё', 'е');
    anywhere ??= gate.anywhere ? gate.anywhere.split('|') : [];
    if (anywhere.some((n) => lower.includes(n))) return true;
    words ??= new Set(gate.words ? gate.words.split('|') : []);
    stems ??= new Set(gate.stems ? gate.stems.split('|') : []);
    const inText = wordsOf(lower);
    // Each word once: a page repeats most of its words.
    const distinct = Array.from(new Set(inText));
    for (let i = 0; i < distinct.length; i++) {
      const word = distinct[i]!;
      // A needle of one word is never the first of another (withoutImplied): a word in the set is one or the other.
      if (words.has(word) && (!gate.sequences.includes(`|${word}${GAP}`) || holdsSequence(inText, word, gate.sequences))) return true;
      if (beginsWithStem(word, stems, gate.stemLengths)) return true;
    }
    return false;
  };
}
