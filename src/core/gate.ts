// The first question the content script asks a page: could any alias occur in its text at all?
// Most pages a reader opens never name a topic, and answering "no" cheaply is what keeps
// Backstory's cost on them near an empty script's: no matcher, no index, no extension API.
//
// The gate is one small RegExp of needles, one per alias: a piece of the alias that any text the
// matcher would match it in must contain, once the text is lower-cased and its dashes, quotes and
// spaces are written one way. Text the matcher folds further (Latin letters with diacritics,
// full-width forms, ё) is never judged here: it goes to the matcher. So the gate only ever says
// "maybe" too often, never "no" where the matcher would find a mention.

import { escapeRegExp } from './regexp';

// Read a character at a time, not with RegExps: on most pages the gate's question is the only
// thing the first script asks, and a context's first RegExp costs it ~0.8 ms (measured in a
// content script on a one-line page: the gate 1.2 ms, 0.8 of it one character-class test).

/**
 * Whether the text has a character foldChars (text-fold.ts) maps besides dashes and quotes (Latin
 * letters with diacritics, full-width forms): such text skips the gate.
 */
function foldedElsewhere(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0xff01 && c <= 0xff5e)) return true;
  }
  return false;
}

/** A letter or digit of the quick check's words (lower case, unfolded): a-z, 0-9, а-я. */
const isWordCode = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x430 && c <= 0x44f);

/** A word piece shorter than this fires on too much text to be a useful needle. */
const MIN_NEEDLE = 3;
/** A run of the letters and digits the quick check reads as words (lower case, unfolded). */
const WORD_RUN = /^[a-z0-9\u0430-\u044f]+$/;
/**
 * Before a word needle: the matcher finds a name written in a spaced script only at the start of a
 * word. (Only ASCII is tested, so the gate never rejects what the matcher would accept.)
 */
const WORD_START = '(?<![a-z0-9])';
/** Between the runs of a key made only of short runs ("g-7"): anything at all. */
const RUN_GAP = '\\W*';
/** The quick check compares this much of each word with the start of each word needle. */
const HEAD = 4;
/** Text up to this long is asked word by word before the RegExp is compiled (most pages never compile it). */
export const QUICK_LIMIT = 4096;

/**
 * What the gate looks for, one needle per alias. `words`: RegExp sources of needles that begin a
 * word in any text the alias is matched in (Latin, Cyrillic, digits); `anywhere`: plain strings
 * that can begin anywhere (Japanese, Chinese).
 */
export interface GateNeedles {
  words: string[];
  anywhere: string[];
}

/** The gate as the first script carries it: three strings, the cheapest thing to evaluate. */
export interface PackedGate {
  /** The RegExp source of every needle. */
  source: string;
  /** The `anywhere` needles, joined by '|'. */
  anywhere: string;
  /** Each word needle's head (its first HEAD letters), joined by '|': the quick check's set. */
  heads: string;
}

/**
 * The needle of a folded alias key: its longest run of letters and digits, which any text the
 * alias is matched in contains once lower-cased. A key made only of short runs ("g-7") needs all
 * of them, with anything between.
 */
export function needleOf(key: string): { word: string } | { anywhere: string } {
  const runs = key.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), '') || key;
  const whole = longest.length >= MIN_NEEDLE || runs.length <= 1 ? [longest] : runs;
  // Names in Japanese or Chinese (even after a digit: 2島返還) can begin anywhere.
  if (!whole.every((r) => WORD_RUN.test(r))) return { anywhere: longest };
  return { word: whole.map(escapeRegExp).join(RUN_GAP) };
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

function* prefixes(s: string): Iterable<string> {
  // Only plain needles imply each other: one with a gap (RUN_GAP) is a RegExp, not a prefix.
  if (s.includes('\\')) return;
  for (let i = 1; i < s.length; i++) yield s.slice(0, i);
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
  const wordSource = words.length ? [`${WORD_START}(?:${words.join('|')})`] : [];
  const gate = {
    source: [...wordSource, ...anywhere.map(escapeRegExp)].join('|') || '(?!)',
    anywhere: anywhere.join('|'),
    heads: [...new Set(words.map(headOf))].join('|'),
  };
  return gate.source.length + gate.anywhere.length + gate.heads.length > MAX_GATE_CHARS ? null : gate;
}

/** The start of a word needle as it reads in text: its first run, at most HEAD long. */
const headOf = (word: string) => word.split('\\')[0]!.slice(0, HEAD);

/** Whether the matcher could find any of the gate's aliases in text (always "maybe" without a gate). */
export function createGate(gate: PackedGate | null): (text: string) => boolean {
  if (!gate) return () => true;
  let re: RegExp | null = null;
  let heads: Set<string> | null = null;
  let anywhere: string[] | null = null;
  const compiled = () => (re ??= new RegExp(gate.source));
  /** False only where no needle can be: some word would have to begin with a needle's head. */
  const mayHold = (lower: string) => {
    anywhere ??= gate.anywhere ? gate.anywhere.split('|') : [];
    if (anywhere.some((n) => lower.includes(n))) return true;
    heads ??= new Set(gate.heads.split('|'));
    for (let i = 0; i < lower.length; ) {
      while (i < lower.length && !isWordCode(lower.charCodeAt(i))) i++;
      const start = i;
      while (i < lower.length && isWordCode(lower.charCodeAt(i))) i++;
      for (let n = Math.min(i - start, HEAD); n > 0; n--) if (heads.has(lower.slice(start, start + n))) return true;
    }
    return false;
  };
  return (text) => {
    if (foldedElsewhere(text)) return true;
    // ё is folded to е (text-fold.ts): here too, as the needles have it.
    const lower = text.toLowerCase().replaceAll('ё', 'е');
    if (lower.length <= QUICK_LIMIT && !mayHold(lower)) return false;
    return compiled().test(lower);
  };
}
