// Finds topic mentions in a run of text with the one alias trie compiled at build time.
// Pure: the content script feeds it text, tests feed it strings.

import { buildTrie, isSpacedChar, isWordChar, STEM_MARK, trieText, walkTrie, type TrieNode } from './alias-trie';
import type { AliasEntry, CompiledIndex } from './corpus-types';
import { foldChars } from './text-fold';

export interface Mention {
  start: number;
  end: number;
  /** Index into CompiledIndex.topics. */
  topic: number;
  /** The alias as authored, and why it fired: for the tooltip and for debugging. */
  alias: string;
  rule: 'alias' | 'context' | 'page';
  /**
   * Set on an ambiguous mention without context nearby: it stands only if the page as a whole
   * turns out to be about the dispute (see MIN_STRONG_MENTIONS).
   */
  deferred?: boolean;
}

export type MatchRule = Mention['rule'];

/** Unambiguous mentions of dispute topics that make a whole page about the dispute. */
export const MIN_STRONG_MENTIONS = 3;

export interface MatchOptions {
  /**
   * The page as a whole is about Japan and Russia (e.g. its title says so). A function is asked
   * only when an ambiguous name needs it, so most pages never pay for the check.
   */
  pageHasContext?: boolean | (() => boolean);
}

/** How far around an ambiguous alias supporting words are looked for, in characters. */
export const CONTEXT_WINDOW = 300;

export interface Matcher {
  findAll(text: string, options?: MatchOptions): Mention[];
  /** Whether text is about Japan and Russia: words of both sides, or of the dispute itself. */
  hasContext(text: string): boolean;
}

/** Whether any of a trie's words occurs in t (prepared by trieText), on word boundaries. */
function containsWord(root: TrieNode, t: string): boolean {
  const first = root.c ?? {};
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (!first[ch] || (i > 0 && isSpacedChar(ch) && isWordChar(t[i - 1]))) continue;
    if (walkTrie(root, t, i)) return true;
  }
  return false;
}

const CAPITALIZED = /^\p{Lu}/u;
/** Sentence-initial function words are capitalized without being names. */
const FUNCTION_WORDS = new Set(
  'the a an and but or nor so yet when while after before as in on at by for with under since if that this then of to from also however meanwhile both'.split(' '),
);
const WORD_BEFORE = /([\p{L}'.]+)\s+$/u;
const WORD_AFTER = /^\s+([\p{L}'.]+)/u;

export function createMatcher(index: CompiledIndex): Matcher {
  const aliases = new Map<string, AliasEntry>(Object.entries(index.aliases));
  // The trie is built later; a corrupt index (a stored pack) must fail here, where callers expect it.
  for (const e of aliases.values()) if (typeof e?.topic !== 'number' || typeof e.alias !== 'string') throw new Error('corrupt matcher index');
  const titles = new Set(index.context.titles);
  const followers = new Set(index.context.nameFollowers);
  // Built on first need: a page without text never pays for them, and most pages never meet an
  // ambiguous name.
  let trie: TrieNode | null = null;
  const aliasTrie = () => (trie ??= buildTrie([...aliases].map(([key, e]) => (e.stem ? key + STEM_MARK : key))));
  let context: { japan: TrieNode; russia: TrieNode; dispute: TrieNode } | null = null;
  const words = () =>
    (context ??= {
      japan: buildTrie(index.context.japan),
      russia: buildTrie(index.context.russia),
      dispute: buildTrie(index.context.dispute),
    });

  /** Both sides (or the dispute itself) in any of the given stretches of text prepared by trieText. */
  function twoSided(...parts: string[]): boolean {
    const { japan, russia, dispute } = words();
    if (parts.some((p) => containsWord(dispute, p))) return true;
    return parts.some((p) => containsWord(japan, p)) && parts.some((p) => containsWord(russia, p));
  }

  /**
   * A bare surname next to another capitalized name is somebody else ("Kobo Abe", "Abe
   * Lincoln"); titles ("Prime Minister Abe") and a few words ("Abe Administration") are fine.
   */
  function isOtherPerson(alias: string, before: string, after: string): boolean {
    if (!CAPITALIZED.test(alias) || /\s/.test(alias)) return false;
    const prev = WORD_BEFORE.exec(before)?.[1];
    const next = WORD_AFTER.exec(after)?.[1];
    const named = (w: string | undefined, allowed: Set<string>) => {
      const word = w?.toLowerCase().replace(/\.$/, '');
      return !!w && !!word && CAPITALIZED.test(w) && !allowed.has(word) && !FUNCTION_WORDS.has(word);
    };
    return named(prev, titles) || named(next, followers);
  }

  function findAll(text: string, options: MatchOptions = {}): Mention[] {
    const found: Mention[] = [];
    // Same length as text, so offsets found in it are offsets in text.
    const folded = foldChars(text);
    const t = trieText(folded);
    const trie = aliasTrie();
    const first = trie.c ?? {};
    let pageContext: boolean | undefined;
    const pageHasContext = () =>
      (pageContext ??= typeof options.pageHasContext === 'function' ? options.pageHasContext() : !!options.pageHasContext);
    for (let i = 0; i < t.length; ) {
      const ch = t[i]!;
      // A spaced-script alias can't start inside a word; most positions end here.
      if (!first[ch] || (i > 0 && isSpacedChar(ch) && isWordChar(t[i - 1]))) {
        i++;
        continue;
      }
      const hit = walkTrie(trie, t, i);
      const entry = hit ? aliases.get(hit.key) : undefined;
      if (!hit || !entry) {
        i++;
        continue;
      }
      const start = i;
      const end = hit.end;
      i = end;
      // A look-alike consumes its text, so no shorter alias inside it fires either.
      if (entry.topic < 0) continue;
      if (entry.ambiguous) {
        if (isOtherPerson(entry.alias, folded.slice(Math.max(0, start - 40), start), folded.slice(end, end + 40))) continue;
        const before = t.slice(Math.max(0, start - CONTEXT_WINDOW), start);
        const after = t.slice(end, end + CONTEXT_WINDOW);
        if (!pageHasContext() && !twoSided(before, after)) {
          found.push({ start, end, topic: entry.topic, alias: entry.alias, rule: 'page', deferred: true });
          continue;
        }
      }
      found.push({ start, end, topic: entry.topic, alias: entry.alias, rule: entry.ambiguous ? 'context' : 'alias' });
    }
    return found;
  }

  return { findAll, hasContext: (text) => twoSided(trieText(foldChars(text))) };
}
