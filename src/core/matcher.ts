// Finds topic mentions in a run of text with the one pattern compiled at build time.
// Pure: the content script feeds it text, tests feed it strings.

import type { AliasEntry, CompiledIndex } from './corpus-types';
import { fold, foldChars } from './text-fold';

export interface Mention {
  start: number;
  end: number;
  /** Index into CompiledIndex.topics. */
  topic: number;
  /** The alias as authored, and why it fired: for the tooltip and for debugging. */
  alias: string;
  rule: 'alias' | 'context';
}

export interface MatchOptions {
  /** The page as a whole is about Japan and Russia (e.g. its title says so). */
  pageHasContext?: boolean;
}

/** How far around an ambiguous alias supporting words are looked for, in characters. */
export const CONTEXT_WINDOW = 300;

export interface Matcher {
  findAll(text: string, options?: MatchOptions): Mention[];
  /** Whether text contains words that make ambiguous aliases plausible. */
  hasContext(text: string): boolean;
}

export function createMatcher(index: CompiledIndex): Matcher {
  const pattern = new RegExp(index.pattern, 'giu');
  const context = new RegExp(index.contextPattern, 'iu');
  const aliases = new Map<string, AliasEntry>(Object.entries(index.aliases));
  const stems = [...index.stems].sort((a, b) => b.length - a.length);

  function resolve(matched: string): AliasEntry | undefined {
    const key = fold(matched);
    const exact = aliases.get(key);
    if (exact) return exact;
    const stem = stems.find((s) => key.startsWith(s));
    return stem === undefined ? undefined : aliases.get(stem);
  }

  function findAll(text: string, options: MatchOptions = {}): Mention[] {
    const found: Mention[] = [];
    const ambiguous: Mention[] = [];
    // Same length as text, so offsets found in it are offsets in text.
    const folded = foldChars(text);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(folded); m !== null; m = pattern.exec(folded)) {
      if (m[0] === '') {
        pattern.lastIndex++;
        continue;
      }
      const entry = resolve(m[0]);
      if (!entry) continue;
      const mention: Mention = {
        start: m.index,
        end: m.index + m[0].length,
        topic: entry.topic,
        alias: entry.alias,
        rule: entry.ambiguous ? 'context' : 'alias',
      };
      (entry.ambiguous ? ambiguous : found).push(mention);
    }
    if (ambiguous.length === 0) return found;
    const runHasTopic = found.length > 0;
    const supported = ambiguous.filter(
      (m) =>
        options.pageHasContext ||
        runHasTopic ||
        context.test(folded.slice(Math.max(0, m.start - CONTEXT_WINDOW), m.end + CONTEXT_WINDOW)),
    );
    return [...found, ...supported].sort((a, b) => a.start - b.start);
  }

  return { findAll, hasContext: (text) => context.test(foldChars(text)) };
}
