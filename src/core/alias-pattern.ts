// Compiles every alias of the corpus into one regular expression, shaped as a trie so that its
// cost barely grows with the number of aliases, and so that at any position the longest alias
// wins ("1956 Soviet–Japanese Joint Declaration" over "Joint Declaration"). The pattern runs on
// text folded by foldChars (text-fold.ts).

import { fold } from './text-fold';

/** Letters and digits of scripts that separate words with spaces (or punctuation). */
const SPACED = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}]/u;
const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';
/** Russian case endings after a stem alias: Курил* → Курилы, Курильских. */
const STEM_TAIL = '\\p{L}{0,6}';
export const STEM_MARK = '*';

function escapeChar(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/**
 * The regex source for one character of a folded alias. Page text is folded with foldChars
 * before matching, so only spacing and dashes need more than the character itself; case is
 * the "i" flag's.
 */
export function charClass(ch: string): string {
  if (ch === ' ') return '\\s+';
  if (ch === '-') return '\\s*-\\s*';
  return escapeChar(ch);
}

interface TrieNode {
  children: Map<string, TrieNode>;
  /** How a match may end here: '' for none, else the regex tail after the last char. */
  end: string | null;
}

function newNode(): TrieNode {
  return { children: new Map(), end: null };
}

export interface PatternAlias {
  /** Already folded; may end with STEM_MARK. */
  key: string;
}

function insert(root: TrieNode, key: string): void {
  const stem = key.endsWith(STEM_MARK);
  const chars = [...(stem ? key.slice(0, -1) : key)];
  let node = root;
  for (const ch of chars) {
    const cls = charClass(ch);
    let next = node.children.get(cls);
    if (!next) {
      next = newNode();
      node.children.set(cls, next);
    }
    node = next;
  }
  const last = chars[chars.length - 1] ?? '';
  const tail = stem ? STEM_TAIL + AFTER : SPACED.test(last) ? AFTER : '';
  // A stem accepts everything the plain alias does, so it wins a tie.
  if (node.end === null || stem) node.end = tail;
}

function emit(node: TrieNode): string {
  const alternatives: string[] = [];
  for (const [cls, child] of node.children) alternatives.push(cls + emit(child));
  // Children before the end: the regex engine tries alternatives in order, so longer aliases win.
  if (node.end !== null) alternatives.push(node.end);
  if (alternatives.length === 1) return alternatives[0]!;
  return `(?:${alternatives.join('|')})`;
}

/** One pattern (flags "giu") for all aliases. Empty input yields a pattern that never matches. */
export function compileAliasPattern(keys: string[]): string {
  const spaced = newNode();
  const unspaced = newNode();
  for (const key of keys) {
    const first = [...key][0] ?? '';
    insert(SPACED.test(first) ? spaced : unspaced, key);
  }
  const parts: string[] = [];
  if (spaced.children.size) parts.push(BEFORE + emit(spaced));
  if (unspaced.children.size) parts.push(emit(unspaced));
  return parts.length ? parts.join('|') : '(?!)';
}

/** Pattern for words that place a page in the Japan–Russia context. */
export function compileWordPattern(words: string[]): string {
  return compileAliasPattern(words.map((w) => fold(w)));
}
