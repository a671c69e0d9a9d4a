// Every alias of the corpus in one trie, compiled at build time and walked over the page's text
// in a single pass. Unlike one big RegExp, it costs nothing to set up (V8 compiles a RegExp of
// thousands of alternatives for hundreds of milliseconds, on every page) and its cost barely
// grows with the number of aliases. At each position the longest alias wins.

/** A trie node: children by character, and the alias key that ends here. */
export interface TrieNode {
  c?: Record<string, TrieNode>;
  /** The folded alias key ending at this node. */
  e?: string;
  /** The alias must be followed by a word boundary (it ends in a letter or digit of a spaced script). */
  b?: 1;
  /** A stem: up to STEM_TAIL more letters (Russian case endings) may follow, then a boundary. */
  s?: 1;
}

export const STEM_MARK = '*';
const STEM_TAIL = 6;
const SPACED = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}]/u;
const WORD = /[\p{L}\p{N}]/u;

export function buildTrie(keys: string[]): TrieNode {
  const root: TrieNode = {};
  for (const key of keys) {
    const stem = key.endsWith(STEM_MARK);
    const chars = [...(stem ? key.slice(0, -STEM_MARK.length) : key)];
    let node = root;
    for (const ch of chars) {
      node.c ??= {};
      node = node.c[ch] ??= {};
    }
    // A stem accepts everything the plain alias does, so it wins a tie.
    if (node.e === undefined || stem) {
      node.e = stem ? key.slice(0, -STEM_MARK.length) : key;
      if (stem) node.s = 1;
      else if (SPACED.test(chars[chars.length - 1] ?? '')) node.b = 1;
      else delete node.b;
    }
  }
  return root;
}

/** Letters and digits, with an ASCII fast path: this runs for every candidate position. */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return WORD.test(ch);
}

export function isSpacedChar(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return SPACED.test(ch);
}

/**
 * Prepares folded text for the walk, keeping its length: lower case, and every kind of space as
 * ' '. (A few characters lower-case to two; they are left as they are.)
 */
export function trieText(folded: string): string {
  let lower = folded.toLowerCase();
  if (lower.length !== folded.length) lower = Array.from(folded, (ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch)).join('');
  return lower.replace(/\s/g, ' ');
}

export interface TrieHit {
  end: number;
  key: string;
}

/** The longest alias starting at i, if any. Spaces match any run of spaces; a dash may have spaces around it. */
export function walkTrie(root: TrieNode, t: string, i: number): TrieHit | null {
  let node: TrieNode | undefined = root;
  let j = i;
  let best: TrieHit | null = null;
  const n = t.length;
  while (node) {
    if (node.e !== undefined) {
      if (node.s) {
        let k = j;
        while (k < n && k - j <= STEM_TAIL && isWordChar(t[k])) k++;
        if (k - j <= STEM_TAIL && !isWordChar(t[k])) best = { end: k, key: node.e };
      } else if (!node.b || !isWordChar(t[j])) best = { end: j, key: node.e };
    }
    if (j >= n || !node.c) break;
    const ch = t[j]!;
    if (ch === ' ') {
      let k = j;
      while (k < n && t[k] === ' ') k++;
      if (node.c[' ']) {
        node = node.c[' '];
        j = k;
      } else if (node.c['-'] && t[k] === '-') {
        node = node.c['-'];
        for (j = k + 1; j < n && t[j] === ' '; ) j++;
      } else break;
    } else if (ch === '-') {
      node = node.c['-'];
      for (j++; j < n && t[j] === ' '; ) j++;
    } else {
      node = node.c[ch];
      j++;
    }
  }
  return best;
}
