// The built-in corpus together with the reader's own: installed packs' topics are matched on the
// same runs of text as the built-in ones, numbered after them in one topic table, and recorded
// false matches ("Wrong match") are left out. Pure.

import type { ClaimEventHead, ClaimHead, TopicIndex } from './corpus-types';
import { mentionKey } from './false-matches';
import { createMatcher, type MatchOptions, prepareText, type Matcher, type Mention } from './matcher';
import type { InstalledPack } from './packs';

export interface CorpusView {
  index: TopicIndex;
  matcher: Matcher;
}

interface Part {
  matcher: Matcher;
  /** Added to the part's topic numbers to number them in the combined table. */
  offset: number;
}

/**
 * Leftmost-longest across parts, as one pattern over every alias would be: a mention that
 * overlaps one starting earlier (or as early and longer, or from an earlier part) is dropped.
 */
function nonOverlapping(found: Array<Mention & { part: number }>): Mention[] {
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || a.part - b.part);
  const out: Mention[] = [];
  let end = -1;
  for (const { part: _part, ...m } of found) {
    if (m.start < end) continue;
    out.push(m);
    end = m.end;
  }
  return out;
}

/**
 * One CorpusView over the built-in corpus and the enabled packs, without the recorded false
 * matches (mentionKey()s of this site). With no packs and nothing recorded it is `base` itself.
 */
export function combineCorpus(base: CorpusView, packs: readonly InstalledPack[], falseMatches: ReadonlySet<string>): CorpusView {
  const parts: Part[] = [{ matcher: base.matcher, offset: 0 }];
  const topics = [...base.index.topics];
  const claims: Record<number, ClaimHead[]> = { ...base.index.claims };
  const claimEvents: ClaimEventHead[] = [...(base.index.claimEvents ?? [])];
  for (const pack of packs) {
    if (!pack.enabled) continue;
    let matcher: Matcher;
    try {
      // Ambiguous aliases of a pack need the same context as built-in ones: the built-in words.
      matcher = createMatcher(pack.index, base.matcher);
    } catch {
      continue; // A stored index that no longer makes a matcher loses its pack, not the page.
    }
    const offset = topics.length;
    parts.push({ matcher, offset });
    topics.push(...pack.index.topics);
    for (const [i, c] of Object.entries(pack.index.claims)) claims[Number(i) + offset] = c;
    for (const e of pack.index.claimEvents ?? []) claimEvents.push({ ...e, topic: e.topic + offset, with: e.with.map((w) => w + offset) });
  }
  if (parts.length === 1 && falseMatches.size === 0) return base;

  // A topic id claimed twice (a corpus update adding an id a pack already had) keeps its first owner.
  const seen = new Set<string>();
  const shadowed = new Set<number>();
  topics.forEach((t, i) => (seen.has(t.id) ? shadowed.add(i) : seen.add(t.id)));
  const keep = (m: Mention) => !shadowed.has(m.topic) && !falseMatches.has(mentionKey(topics[m.topic]?.id ?? '', m.alias));

  const matcher: Matcher = {
    hasContext: base.matcher.hasContext,
    mayName: (text) => parts.some((p) => p.matcher.mayName(text)),
    get context() {
      return base.matcher.context;
    },
    findIn(prepared, from, to, options) {
      if (parts.length === 1) return base.matcher.findIn(prepared, from, to, options).filter(keep);
      const found = parts.flatMap((p, part) =>
        p.matcher.findIn(prepared, from, to, inCombined(options, p.offset)).map((m) => ({ ...m, topic: m.topic + p.offset, part })),
      );
      return nonOverlapping(found).filter(keep);
    },
    findAll(text, options) {
      return matcher.findIn(prepareText(text), 0, text.length, options);
    },
  };
  return { index: { ...base.index, topics, claims, claimEvents }, matcher };
}

/** A part's options, its look-alikes told by their topic's number in the combined index. */
function inCombined(options: MatchOptions | undefined, offset: number): MatchOptions | undefined {
  const onLookalike = options?.onLookalike;
  return onLookalike ? { ...options, onLookalike: (topic, start) => onLookalike(topic + offset, start) } : options;
}

/** Changes only when what is matched changes: enabled packs (by version) and this site's false matches. */
export function corpusKey(packs: readonly InstalledPack[], falseMatches: ReadonlySet<string>): string {
  return JSON.stringify([packs.filter((p) => p.enabled).map((p) => p.version), [...falseMatches].sort()]);
}
