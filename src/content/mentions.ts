// The page's mentions, owned in one place: where each lies in the page's text, its topic, and the
// counts and reading order the popup, the badge and the keyboard need. Counts are kept as
// mentions come and go, never recounted; reading order is the order of insertion while scans
// only append, and is sorted again only when a rescan adds text earlier in the page.

import type { Verdict } from '../core/claims';
import type { Category, TopicHead } from '../core/corpus-types';
import type { MatchRule } from '../core/matcher';
import { emptyCounts, type FoundTopic, type MentionCounts } from '../core/messages';
import { DOCUMENT_POSITION_FOLLOWING } from './zones';
import type { TextPoint } from './run-points';
import type { RunPlace } from './text-runs';

export interface MentionCheck {
  verdict: Verdict;
  /** Indexes into the topic's claims that the statement was compared with. */
  claims: number[];
  stated: string;
  /** The sentence the statement stands in. */
  sentence: string;
}

export interface PageMention {
  head: TopicHead;
  category: Category | undefined;
  /** The alias as the corpus writes it, and why it fired. */
  alias: string;
  rule: MatchRule;
  /** Set on a page's statement checked against the sources, rather than a mention. */
  check?: MentionCheck;
  /** The page's text as matched. */
  text: string;
  /** Where the text lies in the page's own text nodes, as they were when it was found. */
  start: TextPoint;
  end: TextPoint;
  /** The text nodes it covers, in order. */
  nodes: readonly Text[];
  /**
   * The place of the run it was found in (shared by the run's mentions: memory) and where in the
   * run's text it starts: reading order without the DOM.
   */
  place?: RunPlace;
  runOffset?: number;
  /**
   * The highlight painter's own, set when it paints the mention: its range, and the elements its
   * text lay directly in (highlight-hits.ts). Kept here rather than in WeakMaps: tens of thousands
   * of mentions on a big page made the maps' upkeep a share of the scan and of every collection.
   */
  range?: StaticRange;
  parents?: Element | Element[];
}

export interface MentionRegistry {
  add(mentions: readonly PageMention[]): void;
  /** Removes the given mentions; returns those that were present. */
  remove(mentions: Iterable<PageMention>): PageMention[];
  /** Mentions (and checks) covering a text node. */
  inNode(node: Text): readonly PageMention[];
  /** Mentions any of whose text nodes the page has removed. */
  disconnected(): PageMention[];
  /** Every mention and check. */
  all(): PageMention[];
  counts(): MentionCounts;
  /** How many mentions of a topic are shown. */
  countOf(topicId: string): number;
  /** Strong mentions shown (isStrong: what makes a page plainly about the dispute). */
  strong(): number;
  /** Mentions and checks shown. */
  size(): number;
  /** Mentions (not checks) in reading order, optionally of one topic. */
  ordered(topicId?: string | null): PageMention[];
  /** The checked statements, in reading order. */
  checks(): PageMention[];
  /** The topics found, in order of first appearance. */
  found(): FoundTopic[];
  clear(): void;
}

const bump = (record: Record<string, number>, key: string, by: number) => {
  const next = (record[key] ?? 0) + by;
  if (next > 0) record[key] = next;
  else delete record[key];
};

/** The category of the disputed islands' own topics. */
const PLACES = 'places';

/**
 * A mention that makes the page plainly about the dispute: an unambiguous name, or a name of the
 * disputed islands themselves (an anchor place, not the Kuril chain's) with Japan and Russia both
 * named around it. Japan News writes only "the northern territories", Deutsche Welle only
 * "Northern Territories" in quotes: their "Kishida", "Putin" and "peace treaty" in paragraphs of
 * their own waited for ever. Only places: beside Japan and Russia, "Northern Territories" can't be
 * Australia's, but "peace treaty" or "Tokyo Declaration" may still be another one.
 */
function isStrong(m: PageMention): boolean {
  if (m.rule === 'alias') return true;
  const { head } = m;
  return m.rule === 'context' && !!head.anchor && head.category === PLACES && !head.notAnchoring?.includes(m.alias);
}

/** Sorts mentions into reading order. */
const inReadingOrder = (a: PageMention, b: PageMention): number => (a === b ? 0 : precedes(a, b) ? -1 : 1);

/** Whether a comes before b in the page. */
function precedes(a: PageMention, b: PageMention): boolean {
  if (a.start.node === b.start.node) return a.start.offset < b.start.offset;
  const p = a.place;
  const q = b.place;
  if (p && q && p.walk === q.walk) return p.rank !== q.rank ? p.rank < q.rank : (a.runOffset ?? 0) < (b.runOffset ?? 0);
  return (a.start.node.compareDocumentPosition(b.start.node) & DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** The topics of mentions in reading order, each once with its count, in order of first appearance. */
function topicsInOrder(mentions: readonly PageMention[]): FoundTopic[] {
  const byId = new Map<string, FoundTopic>();
  for (const m of mentions) {
    const f = byId.get(m.head.id);
    if (f) f.count++;
    else byId.set(m.head.id, { id: m.head.id, name: m.head.name, category: m.head.category, count: 1 });
  }
  return [...byId.values()];
}

const NONE: readonly PageMention[] = Object.freeze([]);

/** The mentions on each text node: what a rescan or a changed node asks for. */
function createNodeIndex() {
  const byNode = new Map<Text, PageMention[]>();
  return {
    add(m: PageMention): void {
      for (const n of m.nodes) {
        const list = byNode.get(n);
        if (list) list.push(m);
        else byNode.set(n, [m]);
      }
    },
    get: (node: Text): readonly PageMention[] => byNode.get(node) ?? NONE,
    /** Each node's list is filtered once, however many of its mentions went. */
    keepOnly(nodes: Iterable<Text>, present: ReadonlySet<PageMention>): void {
      for (const n of nodes) {
        const rest = byNode.get(n)?.filter((x) => present.has(x)) ?? [];
        if (rest.length) byNode.set(n, rest);
        else byNode.delete(n);
      }
    },
    clear: () => byNode.clear(),
  };
}

export function createMentionRegistry(): MentionRegistry {
  const byNode = createNodeIndex();
  const present = new Set<PageMention>();
  /** Mentions (not checks) in reading order when `sorted`; may hold removed ones until compacted. */
  let order: PageMention[] = [];
  let sorted = true;
  let counts = emptyCounts();
  let strong = 0;

  function count(m: PageMention, by: 1 | -1): void {
    if (m.check) {
      if (m.check.verdict === 'conflict') counts.conflicts += by;
      return;
    }
    counts.total += by;
    if (isStrong(m)) strong += by;
    bump(counts.byCategory, m.head.category, by);
    bump(counts.byTopic, m.head.id, by);
  }

  function add(mentions: readonly PageMention[]): void {
    for (const m of mentions) {
      if (present.has(m)) continue;
      present.add(m);
      byNode.add(m);
      count(m, 1);
      if (m.check) continue;
      const orderNow = live();
      const last = orderNow[orderNow.length - 1];
      if (sorted && last && !precedes(last, m)) sorted = false;
      order.push(m);
    }
  }

  function remove(mentions: Iterable<PageMention>): PageMention[] {
    const gone: PageMention[] = [];
    const touched = new Set<Text>();
    for (const m of mentions) {
      if (!present.delete(m)) continue;
      gone.push(m);
      count(m, -1);
      for (const n of m.nodes) touched.add(n);
    }
    byNode.keepOnly(touched, present);
    return gone;
  }

  /** Removed mentions leave `order` lazily, when they are half of it: removal stays O(1) each. */
  function live(): PageMention[] {
    if (order.length > 2 * counts.total + 1) order = order.filter((m) => present.has(m));
    return order;
  }

  function ordered(topicId: string | null = null): PageMention[] {
    order = live().filter((m) => present.has(m));
    if (!sorted) {
      order.sort(inReadingOrder);
      sorted = true;
    }
    return topicId === null ? [...order] : order.filter((m) => m.head.id === topicId);
  }

  return {
    add,
    remove,
    inNode: (node) => byNode.get(node),
    disconnected: () => [...present].filter((m) => m.nodes.some((n) => !n.isConnected)),
    all: () => [...present],
    counts: () => ({ ...counts, byCategory: { ...counts.byCategory }, byTopic: { ...counts.byTopic } }),
    countOf: (topicId) => counts.byTopic[topicId] ?? 0,
    strong: () => strong,
    size: () => present.size,
    ordered,
    checks: () => [...present].filter((m) => m.check).sort(inReadingOrder),
    found: () => topicsInOrder(ordered()),
    clear() {
      byNode.clear();
      present.clear();
      order = [];
      sorted = true;
      counts = emptyCounts();
      strong = 0;
    },
  };
}
