// Finds and highlights mentions on a page, keeps them in step with the settings and with content
// the page adds later, and removes them without a trace.

import type { TopicIndex } from '../core/corpus-types';
import { checkClaims, type Verdict } from '../core/claims';
import { MIN_STRONG_MENTIONS, type MatchRule, type Matcher, type Mention } from '../core/matcher';
import { emptyCounts, type FoundTopic, type MentionCounts } from '../core/messages';
import { isCategoryOn, type Settings } from '../core/settings';
import { createHighlighter, type HighlightRange } from './highlighter';
import { createSlicer } from './slices';
import { createRunWalker } from './text-runs';
import type { MentionInfo } from './tooltip-host';
import { EXCLUDED_SELECTOR, MARK_CLASS } from './zones';

export const SCAN_MEASURE = 'backstory:scan';
/** How long added content is left to settle before it is scanned. */
export const MUTATION_BATCH_MS = 150;

interface MentionData {
  topic: number;
  alias: string;
  rule: MatchRule;
  /** Set on a page's statement checked against the sources, rather than a mention. */
  check?: { verdict: Verdict; claims: number[]; stated: string };
}

export interface Annotator {
  /** Applies settings: scans, rescans or clears as needed. Resolves when the page is in step. */
  apply(settings: Settings, active: boolean): Promise<void>;
  mentionOf(el: Element): MentionInfo | undefined;
  counts(): MentionCounts;
  /** The topics found, in order of first appearance on the page. */
  found(): FoundTopic[];
  /** The topic's next mention in document order after `after` (or its first), cycling. */
  nextMention(topicId: string | null, after: Element | null): MentionInfo | undefined;
  /** Matches with another corpus view (own packs, false matches left out): rescans if active. */
  setCorpus(index: TopicIndex, matcher: Matcher): Promise<void>;
  /** Removes every highlight and stops watching the page. */
  destroy(): void;
}

export interface AnnotatorOptions {
  doc: Document;
  index: TopicIndex;
  matcher: Matcher;
  onCountsChanged?: (counts: MentionCounts) => void;
}

export function createAnnotator({ doc, index: initialIndex, matcher: initialMatcher, onCountsChanged }: AnnotatorOptions): Annotator {
  // Replaced when the reader's own packs or false matches change (setCorpus).
  let index = initialIndex;
  let matcher = initialMatcher;
  const win = doc.defaultView!;
  const slicer = createSlicer(win);
  const highlighter = createHighlighter();
  const categories = new Map(index.categories.map((c) => [c.id, c]));
  const pieces = new WeakMap<Element, MentionInfo>();
  const mentions = new Set<MentionInfo>();
  const checks = new Set<MentionInfo>();
  const seenTopics = new Set<number>();
  /** Unambiguous mentions seen so far: enough of them make the whole page about the dispute. */
  let strongMentions = 0;
  let settings: Settings | null = null;
  let active = false;
  let observer: MutationObserver | null = null;
  let pendingRoots = new Set<Node>();
  let batchTimer = 0;
  let scanning: Promise<void> = Promise.resolve();

  const root = () => doc.body;

  function shown(topic: number): boolean {
    const head = index.topics[topic];
    return !!head && !!settings && isCategoryOn(settings, head.category);
  }

  function record(mark: HTMLElement, data: MentionData, first: boolean, current: { info: MentionInfo | null }): void {
    const head = index.topics[data.topic]!;
    mark.setAttribute('data-annotation-id', head.id);
    mark.setAttribute('data-annotation-category', head.category);
    if (data.check) mark.setAttribute('data-annotation-check', data.check.verdict);
    if (first) {
      mark.tabIndex = 0;
      current.info = { head, category: categories.get(head.category), alias: data.alias, rule: data.rule, anchor: mark, check: data.check };
      (data.check ? checks : mentions).add(current.info);
    }
    if (current.info) pieces.set(mark, current.info);
  }

  /** Scans one subtree: matching first (read-only, sliced), then wrapping per context (sliced). */
  async function scan(subtree: Element): Promise<void> {
    const t0 = win.performance.now();
    const walker = createRunWalker(subtree);
    const work = new Map<Element, HighlightRange<MentionData>[]>();
    let titleContext: boolean | undefined;
    const pageHasContext = () => (titleContext ??= matcher.hasContext(doc.title));
    const firstOnly = settings?.mentionMode === 'first';
    const deferred: Array<{ context: Element; range: HighlightRange<MentionData> }> = [];
    const add = (context: Element, range: HighlightRange<MentionData>) => {
      if (firstOnly && seenTopics.has(range.data.topic)) return;
      seenTopics.add(range.data.topic);
      const list = work.get(context) ?? [];
      list.push(range);
      work.set(context, list);
    };
    const finished = await slicer.run(() => {
      const run = walker.next();
      if (!run) return false;
      const accepted: Mention[] = [];
      for (const m of matcher.findAll(run.text, { pageHasContext })) {
        if (!shown(m.topic)) continue;
        const range = {
          start: run.offset + m.start,
          length: m.end - m.start,
          expected: run.text.slice(m.start, m.end),
          data: { topic: m.topic, alias: m.alias, rule: m.rule },
        };
        if (m.deferred) {
          deferred.push({ context: run.context, range });
          continue;
        }
        if (m.rule === 'alias') strongMentions++;
        accepted.push(m);
        add(run.context, range);
      }
      for (const c of checkClaims(run.text, accepted, index.claims)) {
        const list = work.get(run.context) ?? [];
        list.push({
          start: run.offset + c.start,
          length: c.end - c.start,
          expected: c.stated,
          data: { topic: c.topic, alias: c.stated, rule: 'alias', check: { verdict: c.verdict, claims: c.claims, stated: c.stated } },
        });
        work.set(run.context, list);
      }
      return true;
    });
    if (!finished) return;
    // Ambiguous names without context nearby stand on a page that is plainly about the dispute.
    if (strongMentions >= MIN_STRONG_MENTIONS) for (const d of deferred) add(d.context, d.range);
    const contexts = [...work];
    const done = await slicer.run(() => {
      const next = contexts.shift();
      if (!next) return false;
      const [context, ranges] = next;
      if (context.isConnected) withoutObserving(() => {
        const current = { info: null as MentionInfo | null };
        highlighter.wrap(context, ranges, (mark, data, first) => record(mark, data, first, current));
      });
      return true;
    });
    if (!done) return;
    const t1 = win.performance.now();
    try {
      win.performance.measure(SCAN_MEASURE, { start: t0, end: t1 });
    } catch {
      // Pages may replace performance.measure; measuring must never break a scan.
    }
    onCountsChanged?.(counts());
  }

  function withoutObserving(fn: () => void): void {
    if (observer) queueMutations(observer.takeRecords());
    observer?.disconnect();
    try {
      fn();
    } finally {
      observeBody();
    }
  }

  function observeBody(): void {
    const body = root();
    if (!observer || !body) return;
    observer.observe(body, { childList: true, subtree: true, characterData: true });
  }

  /**
   * The page's own changes: new content to scan, and text nodes we split that the page (often a
   * framework re-rendering) changed or removed, whose highlight pieces must go so its text reads
   * as the page meant it.
   */
  function queueMutations(records: MutationRecord[]): void {
    const stale: Node[] = [];
    for (const r of records) {
      if (r.type === 'characterData') {
        stale.push(r.target);
        if (r.target.parentElement) pendingRoots.add(r.target.parentElement);
      } else {
        for (const n of r.removedNodes) stale.push(n);
        for (const n of r.addedNodes) pendingRoots.add(n.nodeType === 3 ? (n.parentElement ?? n) : n);
      }
    }
    if (stale.some((n) => highlighter.has(n))) {
      observer?.disconnect();
      for (const n of stale) highlighter.release(n);
      observeBody();
    }
    if (pendingRoots.size && !batchTimer) batchTimer = win.setTimeout(flushMutations, MUTATION_BATCH_MS);
  }

  function flushMutations(): void {
    batchTimer = 0;
    highlighter.prune();
    const roots = [...pendingRoots].filter(
      (n): n is Element => n.nodeType === 1 && n.isConnected && !(n as Element).closest(EXCLUDED_SELECTOR),
    );
    pendingRoots = new Set();
    // Only the outermost of nested roots needs scanning.
    const outer = roots.filter((r) => !roots.some((o) => o !== r && o.contains(r)));
    if (outer.length === 0) return;
    scanning = scanning.then(async () => {
      for (const r of outer) if (r.isConnected && active) await scan(r);
    });
  }

  function clear(): void {
    slicer.cancel();
    win.clearTimeout(batchTimer);
    batchTimer = 0;
    pendingRoots = new Set();
    withoutObserving(() => highlighter.unwrapAll());
    mentions.clear();
    checks.clear();
    seenTopics.clear();
    strongMentions = 0;
  }

  function counts(): MentionCounts {
    const c = emptyCounts();
    for (const m of checks) {
      if (!m.anchor.isConnected) checks.delete(m);
      else if (m.check?.verdict === 'conflict') c.conflicts++;
    }
    for (const m of mentions) {
      if (!m.anchor.isConnected) {
        mentions.delete(m);
        continue;
      }
      c.total++;
      c.byCategory[m.head.category] = (c.byCategory[m.head.category] ?? 0) + 1;
      c.byTopic[m.head.id] = (c.byTopic[m.head.id] ?? 0) + 1;
    }
    return c;
  }

  function sameView(a: Settings | null, b: Settings): boolean {
    if (!a || a.mentionMode !== b.mentionMode) return false;
    return index.categories.every((c) => isCategoryOn(a, c.id) === isCategoryOn(b, c.id));
  }

  function setCorpus(nextIndex: TopicIndex, nextMatcher: Matcher): Promise<void> {
    index = nextIndex;
    matcher = nextMatcher;
    if (!active || !settings) return scanning;
    clear();
    const body = root();
    scanning = body ? scan(body) : Promise.resolve();
    return scanning;
  }

  async function apply(next: Settings, nowActive: boolean): Promise<void> {
    const unchanged = active === nowActive && sameView(settings, next);
    settings = next;
    if (unchanged) return scanning;
    active = nowActive;
    clear();
    if (!active) {
      observer?.disconnect();
      observer = null;
      onCountsChanged?.(counts());
      return;
    }
    if (!observer) {
      observer = new win.MutationObserver(queueMutations);
      observeBody();
    }
    const body = root();
    scanning = body ? scan(body) : Promise.resolve();
    return scanning;
  }

  /** Live mentions in document order. */
  function ordered(topicId: string | null): MentionInfo[] {
    counts(); // drops mentions the page removed
    const list = [...mentions].filter((m) => topicId === null || m.head.id === topicId);
    return list.sort((a, b) => (a.anchor.compareDocumentPosition(b.anchor) & 4 /* FOLLOWING */ ? -1 : 1));
  }

  function found(): FoundTopic[] {
    const byId = new Map<string, FoundTopic>();
    for (const m of ordered(null)) {
      const f = byId.get(m.head.id) ?? { id: m.head.id, name: m.head.name, category: m.head.category, count: 0 };
      f.count++;
      byId.set(m.head.id, f);
    }
    return [...byId.values()];
  }

  function nextMention(topicId: string | null, after: Element | null): MentionInfo | undefined {
    const list = ordered(topicId);
    const next = after ? list.find((m) => after.compareDocumentPosition(m.anchor) & 4 /* FOLLOWING */ && !after.contains(m.anchor)) : undefined;
    return next ?? list[0];
  }

  return {
    apply,
    setCorpus,
    found,
    nextMention,
    mentionOf: (el) => {
      const mark = el.closest(`mark.${MARK_CLASS}`);
      return mark ? pieces.get(mark) : undefined;
    },
    counts,
    destroy() {
      clear();
      observer?.disconnect();
      observer = null;
    },
  };
}
