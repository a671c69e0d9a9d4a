// The gate's needles, made at build time from the corpus's alias keys (build.mjs) and packed into
// the first script; gate.ts asks them on the page.

import { GAP, GATE_STEM, type GateNeedles, type PackedGate } from './gate';

/** A run of the letters and digits the gate reads as words (lower case, unfolded). */
const WORD_RUN = /^[a-z0-9\u0430-\u044f]+$/;
/**
 * Longer words of a needle are cut to their start, so the forms of a word are one needle
 * ("мирного договора", "мирному договору": "мирно* догов*"; "territorial dispute(s)"), which keeps
 * the first script short. Cyrillic words end in their case endings.
 */
const LATIN_START = 7;
const CYRILLIC_START = 5;

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
