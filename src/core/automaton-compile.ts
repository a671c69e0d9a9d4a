// Compiling a set of folded words into the automaton a page walks (automaton.ts): at build time
// for the corpus, and on the page for own packs when they load. The result is a radix trie laid
// out in typed arrays (base64), its labels as one string, and a RegExp source that finds every
// place a word may start.

import type { PackedAutomaton } from './corpus-types';
import {
  ACCEPT,
  ACCEPT_BOUNDARY,
  ACCEPT_SHIFT,
  ACCEPT_STEM,
  type AutomatonWord,
  DASH,
  FIRST_CHILD,
  LABEL_START,
  NODE_STRIDE,
  SIZES,
  SPACE,
  SPACED,
  STEM_MARK,
} from './automaton-layout';
import { escapeRegExp } from './regexp';
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

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
