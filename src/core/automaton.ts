// A set of folded words compiled into a compact radix trie over typed arrays. build.mjs compiles
// the corpus's aliases and context words once, ships them as a base64 string and one label
// string, and a page decodes them in a fraction of a millisecond: no trie of objects is built
// and no large JSON object is parsed on the pages a reader opens. Own packs compile theirs the
// same way when they are loaded.
//
// Walking keeps the rules the matcher has always had: at each position the longest word wins;
// a run of spaces in the text matches one space of a word, and so does a hyphen ("peace-treaty");
// a dash may have spaces around it;
// a word ending in a letter or digit of a spaced script needs a word boundary after it; a stem
// (a word compiled with a trailing STEM_MARK) takes up to STEM_TAIL more letters (Russian case
// endings) before its boundary.

import {
  ACCEPT,
  ACCEPT_BOUNDARY,
  ACCEPT_SHIFT,
  ACCEPT_STEM,
  ASCII_END,
  DASH,
  FIRST_CHILD,
  LABEL_START,
  LINEAR_CHILDREN,
  LOW16,
  NODE_STRIDE,
  SIZES,
  SPACE,
  STEM_TAIL,
} from './automaton-layout';
import { SPACED_RANGES, WORD_RANGES } from './char-ranges';
import type { PackedAutomaton } from './corpus-types';
import { lowerKeepingLength } from './text-fold';

export type { PackedAutomaton };
export { compileAutomaton } from './automaton-compile';
export { type AutomatonWord, STEM_MARK, STEM_TAIL } from './automaton-layout';

export interface Automaton {
  nodes: Uint32Array;
  /** Every node's label, concatenated (UTF-16 code units, as the page's text is walked). */
  labels: string;
  /**
   * Finds the next place a word may start (global, so lastIndex says where to look from): the
   * browser's RegExp engine skips the text between candidates natively, where walking it a
   * character at a time in JavaScript cost a cold page most of its matching time.
   */
  starts: RegExp;
}

export interface Hit {
  end: number;
  entry: number;
}

/** Whether a code unit lies in a class written as a table of ranges (char-ranges.ts). */
function inRanges(ranges: string, code: number): boolean {
  let lo = 0;
  let hi = ranges.length;
  // The number of bounds at or below code: odd inside a range, even outside.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges.charCodeAt(mid) <= code) lo = mid + 1;
    else hi = mid;
  }
  return (lo & 1) === 1;
}

/** Letters and digits, with an ASCII fast path: this runs for every candidate position. */
export function isWordCode(code: number): boolean {
  if (code < ASCII_END) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return !Number.isNaN(code) && inRanges(WORD_RANGES, code);
}

export const isWordChar = (ch: string | undefined): boolean => ch !== undefined && isWordCode(ch.charCodeAt(0));

/** Letters and digits of scripts written with spaces between words. */
export function isSpacedCode(code: number): boolean {
  if (code < ASCII_END) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return !Number.isNaN(code) && inRanges(SPACED_RANGES, code);
}

/**
 * Prepares folded text for the walk, keeping its length: lower case, and every kind of space as
 * ' '. (A few characters lower-case to two; they are left as they are.)
 */
export function walkText(folded: string): string {
  // Only the spaces that aren't ' ' already: replacing every space costs a page 25 times as much.
  return lowerKeepingLength(folded).replace(/[^\S ]/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// Decoding (every page)

type Base64Api = { fromBase64?: (s: string) => Uint8Array };

function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as Base64Api).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function unpackAutomaton(packed: PackedAutomaton): Automaton {
  const bytes = fromBase64(packed.nodes);
  if (bytes.length % (NODE_STRIDE * 4) !== 0 || bytes.length === 0) throw new Error('corrupt matcher automaton');
  if (typeof packed.starts !== 'string') throw new Error('corrupt matcher automaton');
  // Copied so the words are aligned whatever the decoder returned.
  const nodes = new Uint32Array(bytes.slice().buffer);
  return { nodes, labels: packed.labels, starts: new RegExp(packed.starts, 'g') };
}

/**
 * The next place at or after `from` (and before `to`) where a word may start, or -1. A word
 * written in a spaced script starts only at the start of a word of the text (a letter or digit of
 * a spaced script before it continues the word; kana or kanji don't).
 */
export function nextStart(a: Automaton, t: string, from: number, to: number): number {
  const re = a.starts;
  for (let i = from; i < to; ) {
    re.lastIndex = i;
    const m = re.exec(t);
    if (!m || m.index >= to) return -1;
    const at = m.index;
    // Kana or kanji right before it is not a word it could be inside ("は2島返還", "はPutin").
    if (at === 0 || !isSpacedCode(t.charCodeAt(at)) || !isSpacedCode(t.charCodeAt(at - 1))) return at;
    i = at + 1;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Walking

function skipSpaces(t: string, j: number): number {
  while (t.charCodeAt(j) === SPACE) j++;
  return j;
}

/** Where the text continues after matching one expected label character at j, or -1. */
function step(t: string, j: number, expected: number): number {
  const c = t.charCodeAt(j);
  if (c === SPACE) {
    const k = skipSpaces(t, j);
    if (expected === SPACE) return k;
    return expected === DASH && t.charCodeAt(k) === DASH ? skipSpaces(t, k + 1) : -1;
  }
  // A hyphen where the word has a space: "peace-treaty talks" is "peace treaty talks".
  if (c === DASH) return expected === DASH || expected === SPACE ? skipSpaces(t, j + 1) : -1;
  return c === expected ? j + 1 : -1;
}

function childStartingWith(a: Automaton, node: number, code: number): number {
  const { nodes, labels } = a;
  const count = nodes[node * NODE_STRIDE + SIZES]! >>> 16;
  let lo = nodes[node * NODE_STRIDE + FIRST_CHILD]!;
  let hi = lo + count - 1;
  if (count <= LINEAR_CHILDREN) {
    for (let c = lo; c <= hi; c++) if (labels.charCodeAt(nodes[c * NODE_STRIDE + LABEL_START]!) === code) return c;
    return -1;
  }
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = labels.charCodeAt(nodes[mid * NODE_STRIDE + LABEL_START]!);
    if (f === code) return mid;
    if (f < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The child to follow from `node` at text position j (-1 if none). A space in the text may be a
 * word's space or, around a hyphen, its dash; a hyphen may be a word's hyphen or its space.
 */
function followChild(a: Automaton, node: number, t: string, j: number): number {
  const c = t.charCodeAt(j);
  if (c === SPACE) {
    const spaced = childStartingWith(a, node, SPACE);
    if (spaced >= 0) return spaced;
    return t.charCodeAt(skipSpaces(t, j)) === DASH ? childStartingWith(a, node, DASH) : -1;
  }
  if (c === DASH) {
    const dashed = childStartingWith(a, node, DASH);
    return dashed >= 0 ? dashed : childStartingWith(a, node, SPACE);
  }
  return childStartingWith(a, node, c);
}

/** Where a word accepted at node ends when the text goes on at j, or -1 if it can't end there. */
function acceptedEnd(accept: number, t: string, j: number): number {
  if (accept & ACCEPT_STEM) {
    let k = j;
    while (k - j <= STEM_TAIL && isWordCode(t.charCodeAt(k))) k++;
    return k - j <= STEM_TAIL ? k : -1;
  }
  return accept & ACCEPT_BOUNDARY && isSpacedCode(t.charCodeAt(j)) ? -1 : j;
}

/**
 * The longest word starting at i in text prepared by walkText, if any. Allocates nothing but the
 * hit: it runs for every candidate place on a page, mostly before the engine has optimised it.
 */
export function walk(a: Automaton, t: string, i: number): Hit | null {
  const { nodes, labels } = a;
  let node = 0;
  let j = i;
  let bestEnd = -1;
  let bestEntry = -1;
  for (;;) {
    const accept = nodes[node * NODE_STRIDE + ACCEPT]!;
    if (accept !== 0) {
      const end = acceptedEnd(accept, t, j);
      if (end >= 0) {
        bestEnd = end;
        bestEntry = (accept >>> ACCEPT_SHIFT) - 1;
      }
    }
    if (j >= t.length) break;
    const child = followChild(a, node, t, j);
    if (child < 0) break;
    const start = nodes[child * NODE_STRIDE + LABEL_START]!;
    const end = start + (nodes[child * NODE_STRIDE + SIZES]! & LOW16);
    // The label's first character is the one followChild matched: step over it as the label reads it.
    for (let p = start; p < end && j >= 0; p++) j = step(t, j, labels.charCodeAt(p));
    if (j < 0) break;
    node = child;
  }
  return bestEnd >= 0 ? { end: bestEnd, entry: bestEntry } : null;
}

/** Whether the walk from i reaches the end of a word, whatever follows it (no boundary rule). */
function reachesWord(a: Automaton, t: string, i: number): boolean {
  const { nodes, labels } = a;
  for (let node = 0, j = i; ; ) {
    if (nodes[node * NODE_STRIDE + ACCEPT]! !== 0) return true;
    if (j >= t.length) return false;
    const child = followChild(a, node, t, j);
    if (child < 0) return false;
    const start = nodes[child * NODE_STRIDE + LABEL_START]!;
    const end = start + (nodes[child * NODE_STRIDE + SIZES]! & LOW16);
    for (let p = start; p < end && j >= 0; p++) j = step(t, j, labels.charCodeAt(p));
    if (j < 0) return false;
    node = child;
  }
}

/**
 * Whether a word may occur anywhere in t (prepared by walkText), read without the rules about
 * what stands before and after it: t may be several runs of text read as one (an element's
 * textContent), where a word's neighbour can be the next block's text. So it is never false
 * where walk() finds a word in one of those runs; every candidate place is tried, overlapping
 * ones too.
 */
export function mayContainWord(a: Automaton, t: string): boolean {
  const re = a.starts;
  re.lastIndex = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    if (reachesWord(a, t, m.index)) return true;
    re.lastIndex = m.index + 1;
  }
  return false;
}

/** Whether any word occurs in t (prepared by walkText), starting on a word boundary. */
export function containsWord(a: Automaton, t: string): boolean {
  for (let i = nextStart(a, t, 0, t.length); i >= 0; i = nextStart(a, t, i + 1, t.length)) {
    if (walk(a, t, i)) return true;
  }
  return false;
}
