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

import type { PackedAutomaton } from './corpus-types';
import { escapeRegExp } from './regexp';

export type { PackedAutomaton };

export const STEM_MARK = '*';
export const STEM_TAIL = 6;

/** Node layout in Automaton.nodes, NODE_STRIDE words per node. */
const NODE_STRIDE = 4;
const LABEL_START = 0;
/** Label length in the low 16 bits, child count in the high 16. */
const SIZES = 1;
const FIRST_CHILD = 2;
/** 0: no word ends here; otherwise (entry + 1) << ACCEPT_SHIFT | boundary / stem flags. */
const ACCEPT = 3;
const ACCEPT_BOUNDARY = 1;
const ACCEPT_STEM = 2;
const ACCEPT_SHIFT = 2;
const LOW16 = 0xffff;
/** Children are searched linearly up to this many, by halving beyond it. */
const LINEAR_CHILDREN = 8;

const SPACE = 0x20;
const DASH = 0x2d;
const SPACED = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}]/u;
const WORD = /[\p{L}\p{N}]/u;
const ASCII_END = 128;

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

export interface AutomatonWord {
  /** Folded, with a trailing STEM_MARK for a stem. */
  key: string;
  /** Returned by walk() when this word matches. */
  entry: number;
}

export interface Hit {
  end: number;
  entry: number;
}

/** Letters and digits, with an ASCII fast path: this runs for every candidate position. */
export function isWordCode(code: number): boolean {
  if (code < ASCII_END) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return !Number.isNaN(code) && WORD.test(String.fromCharCode(code));
}

export const isWordChar = (ch: string | undefined): boolean => ch !== undefined && isWordCode(ch.charCodeAt(0));

/** Letters and digits of scripts written with spaces between words. */
export function isSpacedCode(code: number): boolean {
  if (code < ASCII_END) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return SPACED.test(String.fromCharCode(code));
}

/**
 * Prepares folded text for the walk, keeping its length: lower case, and every kind of space as
 * ' '. (A few characters lower-case to two; they are left as they are.)
 */
export function walkText(folded: string): string {
  let lower = folded.toLowerCase();
  if (lower.length !== folded.length) lower = Array.from(folded, (ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch)).join('');
  return lower.replace(/\s/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// Compiling (build time, and own packs when they load)

interface BuildNode {
  children: Map<number, BuildNode>;
  accept: number;
}

interface RadixNode {
  label: string;
  children: RadixNode[];
  accept: number;
}

function buildTrie(words: readonly AutomatonWord[]): BuildNode {
  const root: BuildNode = { children: new Map(), accept: 0 };
  for (const { key, entry } of words) {
    const stem = key.endsWith(STEM_MARK);
    const word = stem ? key.slice(0, -STEM_MARK.length) : key;
    if (!word) continue;
    let node = root;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      let next = node.children.get(code);
      if (!next) node.children.set(code, (next = { children: new Map(), accept: 0 }));
      node = next;
    }
    // A stem accepts everything the plain word does, so it wins a tie; otherwise the first word stays.
    if (node.accept !== 0 && !stem) continue;
    const flags = stem ? ACCEPT_STEM : SPACED.test(word[word.length - 1]!) ? ACCEPT_BOUNDARY : 0;
    node.accept = ((entry + 1) << ACCEPT_SHIFT) | flags;
  }
  return root;
}

/** Chains of single children without a word ending inside become one node with a longer label. */
function toRadix(node: BuildNode, label: string): RadixNode {
  let current = node;
  let text = label;
  while (current.children.size === 1 && current.accept === 0 && text !== '') {
    const [code, only] = current.children.entries().next().value as [number, BuildNode];
    text += String.fromCharCode(code);
    current = only;
  }
  const children = [...current.children.entries()].sort((a, b) => a[0] - b[0]).map(([code, child]) => toRadix(child, String.fromCharCode(code)));
  return { label: text, children, accept: current.accept };
}

/** Characters of each word the candidate search reads (a prefix: it only has to be a superset). */
const START_CHARS = 4;
/**
 * The longest candidate search a page compiles: a big corpus gets shorter prefixes (more
 * candidates to walk, but a RegExp that compiles in no time), so its cost stays near a small one's.
 */
const MAX_STARTS_SOURCE = 8 * 1024;

/** A word's character as the walk reads text: a space takes a run of spaces or a hyphen, a dash spaces around it. */
function unitSource(code: number): string {
  if (code === SPACE) return '(?: +|- *)';
  if (code === DASH) return ' *- *';
  return escapeRegExp(String.fromCharCode(code));
}

interface Prefix {
  children: Map<number, Prefix>;
  ends: boolean;
}

/** The first `length` characters of every word, as one RegExp source shaped like their trie. */
function prefixSource(words: readonly AutomatonWord[], length: number): string {
  const root: Prefix = { children: new Map(), ends: false };
  for (const { key } of words) {
    const word = key.endsWith(STEM_MARK) ? key.slice(0, -STEM_MARK.length) : key;
    let node = root;
    for (let i = 0; i < Math.min(word.length, length); i++) {
      const code = word.charCodeAt(i);
      let next = node.children.get(code);
      if (!next) node.children.set(code, (next = { children: new Map(), ends: false }));
      node = next;
    }
    node.ends = true;
  }
  // Where a shorter word ends, that is already a candidate: nothing after it needs matching.
  const source = (node: Prefix): string => {
    if (node.ends || !node.children.size) return '';
    const parts = [...node.children].sort((a, b) => a[0] - b[0]).map(([code, child]) => unitSource(code) + source(child));
    return parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
  };
  // An empty set finds nothing.
  return root.children.size ? source(root) : '(?!)';
}

/** The candidate search: the longest prefixes (up to START_CHARS) whose source stays within MAX_STARTS_SOURCE. */
function startsSource(words: readonly AutomatonWord[]): string {
  let source = prefixSource(words, START_CHARS);
  for (let length = START_CHARS - 1; length > 0 && source.length > MAX_STARTS_SOURCE; length--) source = prefixSource(words, length);
  return source;
}

export function compileAutomaton(words: readonly AutomatonWord[]): PackedAutomaton {
  const root = toRadix(buildTrie(words), '');
  // Breadth first, so each node's children sit side by side.
  const order: RadixNode[] = [root];
  for (let i = 0; i < order.length; i++) order.push(...order[i]!.children);
  const index = new Map(order.map((n, i) => [n, i]));
  const nodes = new Uint32Array(order.length * NODE_STRIDE);
  let labels = '';
  order.forEach((n, i) => {
    const at = i * NODE_STRIDE;
    nodes[at + LABEL_START] = labels.length;
    nodes[at + SIZES] = n.label.length | (n.children.length << 16);
    nodes[at + FIRST_CHILD] = n.children.length ? index.get(n.children[0]!)! : 0;
    nodes[at + ACCEPT] = n.accept;
    labels += n.label;
  });
  return { nodes: toBase64(new Uint8Array(nodes.buffer)), labels, starts: startsSource(words) };
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

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
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
  const firstOf = (n: number) => labels.charCodeAt(nodes[n * NODE_STRIDE + LABEL_START]!);
  if (count <= LINEAR_CHILDREN) {
    for (let c = lo; c <= hi; c++) if (firstOf(c) === code) return c;
    return -1;
  }
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = firstOf(mid);
    if (f === code) return mid;
    if (f < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The child to follow from `node` at text position j, and where the text continues after its first label character. */
function follow(a: Automaton, node: number, t: string, j: number): [child: number, next: number] | null {
  const c = t.charCodeAt(j);
  if (c === SPACE) {
    const k = skipSpaces(t, j);
    const spaced = childStartingWith(a, node, SPACE);
    if (spaced >= 0) return [spaced, k];
    if (t.charCodeAt(k) !== DASH) return null;
    const dashed = childStartingWith(a, node, DASH);
    return dashed >= 0 ? [dashed, skipSpaces(t, k + 1)] : null;
  }
  if (c === DASH) {
    const dashed = childStartingWith(a, node, DASH);
    const child = dashed >= 0 ? dashed : childStartingWith(a, node, SPACE);
    return child >= 0 ? [child, skipSpaces(t, j + 1)] : null;
  }
  const child = childStartingWith(a, node, c);
  return child >= 0 ? [child, j + 1] : null;
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

/** The longest word starting at i in text prepared by walkText, if any. */
export function walk(a: Automaton, t: string, i: number): Hit | null {
  const { nodes, labels } = a;
  let node = 0;
  let j = i;
  let best: Hit | null = null;
  for (;;) {
    const base = node * NODE_STRIDE;
    const accept = nodes[base + ACCEPT]!;
    if (accept !== 0) {
      const end = acceptedEnd(accept, t, j);
      if (end >= 0) best = { end, entry: (accept >>> ACCEPT_SHIFT) - 1 };
    }
    if (j >= t.length) return best;
    const next = follow(a, node, t, j);
    if (!next) return best;
    const [child, after] = next;
    const cbase = child * NODE_STRIDE;
    const start = nodes[cbase + LABEL_START]!;
    const end = start + (nodes[cbase + SIZES]! & LOW16);
    j = after;
    for (let p = start + 1; p < end; p++) {
      j = step(t, j, labels.charCodeAt(p));
      if (j < 0) return best;
    }
    node = child;
  }
}

/** Whether any word occurs in t (prepared by walkText), starting on a word boundary. */
export function containsWord(a: Automaton, t: string): boolean {
  for (let i = nextStart(a, t, 0, t.length); i >= 0; i = nextStart(a, t, i + 1, t.length)) {
    if (walk(a, t, i)) return true;
  }
  return false;
}
