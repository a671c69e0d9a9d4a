// Finds the page's mentions and shows them, keeps them in step with the settings and with the
// page's own changes, and takes them away without a trace. The mentions live in the registry;
// the painter shows them (highlights or marks); the watcher reports what the page changed.

import type { ClaimCheck, checkClaims } from '../core/claims';
import type { Category, TopicIndex } from '../core/corpus-types';
import { MIN_STRONG_MENTIONS, type Matcher, type Mention } from '../core/matcher';
import type { FoundTopic, MentionCounts } from '../core/messages';
import { isCategoryOn, type Settings } from '../core/settings';
import type { LazyModules } from './modules';
import { createMentionRegistry, type PageMention } from './mentions';
import { canPaintHighlights, createHighlightPainter } from './paint-highlights';
import { watchPage, type PageWatcher } from './page-watcher';
import type { Painter, PaintMode } from './painter';
import { type OnMatches, scanSubtree, type SubtreeScan } from './scan';
import { createSlicer } from './slices';
import { MAX_DEPTH, nodesOf, pointsOf, type TextRun } from './text-runs';
import { DOCUMENT_POSITION_FOLLOWING, EXCLUDED_SELECTOR, isInline, MARK_CLASS, TEXT_NODE } from './zones';

export const SCAN_MEASURE = 'backstory:scan';
/**
 * After its first slice (the top of the page, shown at once), a scan hands what it found to the
 * painter after this long, then after twice as long each time, up to PAINT_INTERVAL_MAX_MS:
 * each change to the highlights makes the browser revisit every range it holds (and lay out a
 * huge text node again), so a long scan paints in a handful of batches, not after every slice.
 */
export const PAINT_INTERVAL_MS = 120;
const PAINT_INTERVAL_MAX_MS = 2000;
/** Just inside the top of the view: where its first line of text is looked for. */
const VIEW_TOP_PX = 4;

export interface Annotator {
  /** Applies settings: scans, rescans or clears as needed. Resolves when the page is in step. */
  apply(settings: Settings, active: boolean): Promise<void>;
  /** Matches with another corpus view (own packs, false matches left out): rescans if active. */
  setCorpus(index: TopicIndex, matcher: Matcher): Promise<void>;
  /** The mention under the pointer, if any. */
  mentionAt(x: number, y: number, target: Element): PageMention | undefined;
  /** The mention an element of ours belongs to (a mark, in mark mode). */
  mentionOf(el: Element): PageMention | undefined;
  rectOf(mention: PageMention): DOMRect | null;
  /** Shows where the keyboard is (null: nowhere); returns the element to focus, in mark mode. */
  focus(mention: PageMention | null): HTMLElement | null;
  counts(): MentionCounts;
  /** The topics found, in order of first appearance on the page. */
  found(): FoundTopic[];
  /** The mentions shown (not the checked statements), in reading order. */
  mentions(): PageMention[];
  /** The statements checked against the sources, in reading order. */
  checks(): PageMention[];
  /**
   * The topic's (or any topic's) next mention in reading order after `after` (a mention, or an
   * element such as where focus is), cycling; the first without `after`.
   */
  nextMention(topicId: string | null, after: PageMention | Element | null): PageMention | undefined;
  /** How mentions are shown now (null while inactive). */
  readonly mode: PaintMode | null;
  /** Subtrees left unscanned because they were nested beyond any page's need. */
  readonly skipped: number;
}

export interface AnnotatorOptions {
  doc: Document;
  index: TopicIndex;
  matcher: Matcher;
  modules: Pick<LazyModules, 'claims' | 'marks'>;
  /** Aborting removes everything shown and stops watching the page. */
  signal: AbortSignal;
  /** Asked before reacting to the page: false once the extension is gone (the caller then aborts). */
  alive?: () => boolean;
  onCountsChanged?: (counts: MentionCounts) => void;
}

type CheckClaims = typeof checkClaims;

/** A run whose mentions include topics with checkable claims, kept for the claim pass. */
interface ClaimRun {
  run: TextRun;
  mentions: Mention[];
  /** Names found in the run but not shown (held back, switched off): not statements either. */
  others: Mention[];
}

/** What a page accumulates between two clears (what is shown is the registry's). */
interface Session {
  generation: number;
  skipped: number;
}

export function createAnnotator(options: AnnotatorOptions): Annotator {
  const { doc, modules, signal, onCountsChanged } = options;
  const alive = options.alive ?? (() => true);
  const win = doc.defaultView!;
  let index = options.index;
  let matcher = options.matcher;
  let categories = categoryMap(index);
  let partnerTopics: Set<number> | null = null;
  /** Topics whose mention may make a sentence about an unnamed event (TopicIndex.claimEvents). */
  const partners = () => (partnerTopics ??= new Set((index.claimEvents ?? []).flatMap((e) => e.with)));
  const registry = createMentionRegistry();
  /** The claim checker, once loaded (modules.claims). */
  let checker: CheckClaims | null = null;
  let checkerLoading: Promise<void> | null = null;
  /** The page has named the dispute itself (an anchor topic): ambiguous names may stand on it. */
  let pageAnchored = false;
  const slicer = createSlicer(win);
  let painter: Painter | null = null;
  let watcher: PageWatcher | null = null;
  let settings: Settings | null = null;
  let active = false;
  let scanning: Promise<void> = Promise.resolve();
  let session: Session = { generation: 0, skipped: 0 };

  const shown = (topic: number) => {
    const head = index.topics[topic];
    return !!head && !!settings && isCategoryOn(settings, head.category);
  };
  const quietly = (fn: () => void) => (watcher ? watcher.quietly(fn) : fn());
  const reportCounts = () => onCountsChanged?.(registry.counts());

  /**
   * Whether a mention found earlier in a scan still lies on its text: the page may have changed or
   * removed it before the batch was painted. (Marks cut the page's nodes, so in mark mode only
   * their being in the page is checked.)
   */
  function stillThere(m: PageMention): boolean {
    if (!m.nodes.every((n) => n.isConnected)) return false;
    if (painter?.mode !== 'highlights') return true;
    let text = '';
    for (const n of m.nodes) text += n.data.slice(n === m.start.node ? m.start.offset : 0, n === m.end.node ? m.end.offset : n.data.length);
    return text === m.text;
  }

  function show(found: PageMention[]): void {
    const p = painter;
    const mentions = found.filter(stillThere);
    if (!mentions.length || !p) return;
    registry.add(mentions);
    quietly(() => p.add(mentions));
  }

  function hide(mentions: Iterable<PageMention>): void {
    const gone = registry.remove(mentions);
    const p = painter;
    if (gone.length && p) quietly(() => p.remove(gone));
  }

  function pageMention(run: TextRun, start: number, end: number, topic: number, fields: Pick<PageMention, 'alias' | 'rule' | 'check'>): PageMention {
    const head = index.topics[topic]!;
    const [from, to] = pointsOf(run, start, end);
    return {
      head,
      category: categories.get(head.category),
      ...fields,
      text: ownCopy(run.text.slice(start, end)),
      start: from,
      end: to,
      nodes: nodesOf(run, start, end),
      place: run.place,
      runOffset: start,
    };
  }

  /**
   * Scans subtrees, in one sliced pass: found mentions are shown in a few batches (see
   * PAINT_INTERVAL_MS). With `from` (inside the one root), reading starts there and wraps round.
   */
  async function scan(roots: readonly Element[], from: Element | null = null): Promise<void> {
    const t0 = win.performance.now();
    const { generation } = session;
    const firstOnly = settings?.mentionMode === 'first';
    const batch: PageMention[] = [];
    const deferred: Array<{ mention: PageMention; topic: number }> = [];
    /** Ambiguous names with context nearby, on a page not yet shown to be about the dispute. */
    const held: Array<{ mention: PageMention; topic: number }> = [];
    /** The page is about the dispute: its title says so, or it names an anchor topic (TopicHead.anchor). */
    const anchored = () => pageAnchored || pageHasContext();
    const claimRuns: ClaimRun[] = [];
    let accepted: Mention[] = [];
    let others: Mention[] = [];
    let lastRun: TextRun | null = null;
    let titleContext: boolean | undefined;
    const pageHasContext = () => (titleContext ??= matcher.hasContext(doc.title));
    /** Topics found by this scan and not shown yet (in first-mention mode, one each). */
    const found = new Set<number>();
    const seen = (topic: number) => found.has(topic) || registry.countOf(index.topics[topic]!.id) > 0;

    const onMatches: OnMatches = (run, mentions, runDone) => {
      if (run !== lastRun) {
        lastRun = run;
        // Rescanning text that is already shown: its mentions are found again. (Allocates only
        // when there are some: a table reads as tens of thousands of one-cell runs.)
        let known: Set<PageMention> | null = null;
        for (const n of run.nodes) for (const m of registry.inNode(n)) (known ??= new Set()).add(m);
        if (known) hide(known);
      }
      for (const m of mentions) {
        // What the page is about doesn't depend on which categories the reader shows.
        const head = index.topics[m.topic];
        // Names of the whole Kuril chain stand only on a page something else shows to be about the dispute.
        const chainName = !!head?.notAnchoring?.includes(m.alias);
        const anchor = !!head?.anchor && !m.deferred && !chainName;
        if (anchor) pageAnchored = true;
        if (!shown(m.topic)) {
          others.push(m);
          continue;
        }
        const hold = !m.deferred && !anchor && (m.rule !== 'alias' || chainName) && !anchored();
        // A chain's name that stands because of the rest of the page says so in its tooltip.
        const rule = hold && m.rule === 'alias' ? 'page' : m.rule;
        const mention = pageMention(run, m.start, m.end, m.topic, { alias: m.alias, rule });
        if (m.deferred) {
          deferred.push({ mention, topic: m.topic });
          others.push(m);
          continue;
        }
        if (hold) {
          held.push({ mention, topic: m.topic });
          others.push(m);
          continue;
        }
        if (firstOnly && seen(m.topic)) continue;
        found.add(m.topic);
        accepted.push(m);
        batch.push(mention);
      }
      if (!runDone) return;
      if (accepted.some((m) => index.claims[m.topic]?.length || partners().has(m.topic))) {
        // The checker loads while the walk goes on; the runs are checked once it is done.
        loadChecker();
        claimRuns.push({ run, mentions: accepted, others });
      }
      // Fresh lists for the next run (a claim run keeps these); most runs leave both empty, and a
      // table of tens of thousands of cells then allocates nothing here.
      if (accepted.length) {
        accepted = [];
        others = [];
      } else if (others.length) others = [];
    };

    // Marks cut the page's text nodes: a block read again is first given its own text back.
    if (painter?.mode === 'marks') {
      const marked = roots.filter((r) => r.querySelector(`mark.${MARK_CLASS}`));
      if (marked.length) hide(registry.all().filter((m) => marked.some((r) => r.contains(m.start.node))));
    }
    let next = 0;
    let subtree: SubtreeScan | null = null;
    let skipped = 0;
    /** Roots the page changed under the walk: read again once this scan is done. */
    const again: Element[] = [];
    // One subtree after another, as one sequence of steps; roots the page dropped meanwhile are passed over.
    const step = (): boolean => {
      while (!subtree?.step()) {
        if (subtree) skipped += subtree.skipped;
        if (subtree?.interrupted) again.push(roots[next - 1]!);
        subtree = null;
        const root = roots[next++];
        if (!root) return false;
        if (root.isConnected) subtree = scanSubtree(root, matcher, { pageHasContext }, onMatches, from);
      }
      return true;
    };
    let nextPaint = -Infinity;
    let interval = PAINT_INTERVAL_MS;
    const batches = painter?.paintsInBatches ?? true;
    const paintIfDue = () => {
      const now = win.performance.now();
      if (now < nextPaint || (!batches && nextPaint > -Infinity)) return;
      if (nextPaint > -Infinity) interval = Math.min(interval * 2, PAINT_INTERVAL_MAX_MS);
      nextPaint = now + interval;
      show(batch.splice(0));
    };
    const finished = await slicer.run(step, paintIfDue);
    if (!finished || generation !== session.generation) return;
    // The statements are checked a slice at a time, and the walk's last batch waits for them: the
    // page gets one frame for both (a verdict painted apart cost it a frame of its own).
    const checks = claimRuns.length ? await checkStatements(claimRuns, generation) : [];
    if (!checks || generation !== session.generation) return;
    show([...batch.splice(0), ...checks]);
    session.skipped += skipped;
    // Ambiguous names stand on a page about the dispute: with context nearby once the page names
    // an anchor topic anywhere; without it, once the page is plainly about the dispute (counted
    // from what is shown, so reading a block again never counts it twice).
    const standing = (list: typeof deferred) =>
      list.filter((d) => {
        if (firstOnly && seen(d.topic)) return false;
        found.add(d.topic);
        return true;
      });
    if (anchored()) show(standing(held).map((d) => d.mention));
    if (anchored() && registry.strong() >= MIN_STRONG_MENTIONS) show(standing(deferred).map((d) => d.mention));
    measure(t0);
    if (again.length) onRoots(again);
    reportCounts();
  }

  /** Starts loading the claim checker (once): while the walk goes on, so it is there when the walk is done. */
  function loadChecker(): void {
    checkerLoading ??= modules
      .claims()
      .then((m) => {
        checker = m.checkClaims;
      })
      .catch(() => {
        // Asked again by the next scan: one failed load doesn't turn checks off for the page's life.
        checkerLoading = null;
      });
  }

  /** A run's statements about claimed facts, checked against the sources, as mentions to show. */
  function checksOf(check: CheckClaims, { run, mentions, others }: ClaimRun): PageMention[] {
    if (!run.nodes.every((n) => n.isConnected)) return [];
    return check(run.text, mentions, index.claims, index.claimEvents, others).map((c: ClaimCheck) =>
      pageMention(run, c.start, c.end, c.topic, {
        alias: c.stated,
        rule: 'alias',
        check: { verdict: c.verdict, claims: c.claims, stated: c.stated, sentence: c.sentence },
      }),
    );
  }

  /** Statements about claimed facts in the walk's runs, checked a slice at a time; null if the scan was cancelled. */
  async function checkStatements(runs: ClaimRun[], generation: number): Promise<PageMention[] | null> {
    loadChecker();
    await checkerLoading;
    // Cleared while the checker loaded: the runs' topics may be another corpus's.
    if (generation !== session.generation) return null;
    const check = checker;
    if (!check) return [];
    const checks: PageMention[] = [];
    let next = 0;
    const step = () => {
      const claimRun = runs[next++];
      if (claimRun) checks.push(...checksOf(check, claimRun));
      return next < runs.length;
    };
    return (await slicer.run(step)) ? checks : null;
  }

  function measure(t0: number): void {
    try {
      win.performance.measure(SCAN_MEASURE, { start: t0, end: win.performance.now() });
    } catch {
      // Pages may replace performance.measure; measuring must never break a scan.
    }
  }

  /** The page changed or removed text: its mentions go at once, before the next frame. */
  function onStale(stale: Node[]): void {
    if (!active || !painter || !alive()) return;
    const p = painter;
    const changedText = stale.filter((n): n is Text => n.nodeType === TEXT_NODE);
    const gone = new Set(changedText.flatMap((n) => registry.inNode(n)));
    // Text changed inside one of our marks (a page editing what it sees): that mark's mention goes.
    for (const n of changedText) {
      const inMark = n.parentElement ? p.mentionOf(n.parentElement) : undefined;
      if (inMark) gone.add(inMark);
    }
    if (stale.some((n) => n.nodeType !== TEXT_NODE)) for (const m of registry.disconnected()) gone.add(m);
    if (gone.size === 0) return;
    quietly(() => p.release(changedText));
    hide(gone);
    reportCounts();
  }

  /** Text the page added or changed is read again. */
  function onRoots(roots: Element[]): void {
    if (!active || !painter || !alive()) return;
    const scannable = roots.filter((r) => !r.closest(EXCLUDED_SELECTOR));
    if (!scannable.length) return;
    queueScan(() => scan(scannable));
  }

  function clear(): void {
    slicer.cancel();
    const p = painter;
    if (p) quietly(() => p.clear());
    registry.clear();
    pageAnchored = false;
    session = { generation: session.generation + 1, skipped: 0 };
  }

  /**
   * Where the reader is when the page opens scrolled down (a reload, a link to an anchor): the
   * block of the text at the top of the view. Reading starts there, so what is in view is painted
   * in the first slice, then wraps round to the top of the page.
   */
  function inView(): Element | null {
    const body = doc.body;
    if (!body || win.scrollY < win.innerHeight || typeof doc.caretPositionFromPoint !== 'function') return null;
    const node = doc.caretPositionFromPoint(win.innerWidth / 2, VIEW_TOP_PX)?.offsetNode;
    let el = node && node.nodeType === TEXT_NODE ? node.parentElement : (node as Element | null | undefined);
    while (el && el !== body && isInline(el)) el = el.parentElement;
    if (!el || el === body || !body.contains(el) || el.closest(EXCLUDED_SELECTOR)) return null;
    // The walk skips what is nested too deep; it must not start there either.
    let depth = 0;
    for (let p: Element | null = el; p && p !== body; p = p.parentElement) depth++;
    return depth <= MAX_DEPTH ? el : null;
  }

  /** Scans run one after another; one queued before a clear (settings, corpus) is dropped. */
  function queueScan(run: () => Promise<void>): Promise<void> {
    const { generation } = session;
    scanning = scanning
      .then(() => (active && generation === session.generation ? run() : undefined))
      // A failed scan (a lazy module that didn't load) must not stop the ones after it.
      .catch(() => undefined);
    return scanning;
  }

  function scanPage(): Promise<void> {
    const body = doc.body;
    return body ? queueScan(() => scan([body], inView())) : scanning;
  }

  async function painterFor(mode: PaintMode): Promise<Painter> {
    if (painter?.mode === mode) return painter;
    return mode === 'highlights' ? createHighlightPainter(doc, registry) : (await modules.marks()).createMarkPainter();
  }

  const modeFor = (s: Settings): PaintMode => (s.paintMode === 'marks' || !canPaintHighlights(win) ? 'marks' : 'highlights');

  function sameView(a: Settings | null, b: Settings): boolean {
    if (!a || a.mentionMode !== b.mentionMode || modeFor(a) !== modeFor(b)) return false;
    return index.categories.every((c) => isCategoryOn(a, c.id) === isCategoryOn(b, c.id));
  }

  async function apply(next: Settings, nowActive: boolean): Promise<void> {
    const unchanged = active === nowActive && sameView(settings, next);
    settings = next;
    if (unchanged || signal.aborted) return scanning;
    active = nowActive;
    clear();
    if (!active) {
      reportCounts();
      return;
    }
    const { generation } = session;
    const p = await painterFor(modeFor(next));
    if (generation !== session.generation || signal.aborted) return scanning;
    painter = p;
    watcher ??= watchPage(doc, signal, { onStale, onRoots });
    return scanPage();
  }

  function setCorpus(nextIndex: TopicIndex, nextMatcher: Matcher): Promise<void> {
    index = nextIndex;
    matcher = nextMatcher;
    categories = categoryMap(index);
    partnerTopics = null;
    if (!active || !painter || signal.aborted) return scanning;
    clear();
    return scanPage();
  }

  function nextMention(topicId: string | null, after: PageMention | Element | null): PageMention | undefined {
    const list = registry.ordered(topicId);
    if (!after) return list[0];
    if (!('head' in after)) {
      const follows = (m: PageMention) => (after.compareDocumentPosition(m.start.node) & DOCUMENT_POSITION_FOLLOWING) !== 0;
      return list.find(follows) ?? list[0];
    }
    const at = list.indexOf(after);
    if (at >= 0) return list[at + 1] ?? list[0];
    const all = registry.ordered();
    const from = all.indexOf(after);
    return (from >= 0 ? all.slice(from + 1).find((m) => list.includes(m)) : undefined) ?? list[0];
  }

  signal.addEventListener('abort', () => {
    clear();
    active = false;
  });

  return {
    apply,
    setCorpus,
    mentionAt: (x, y, target) => (active && painter ? painter.mentionAt(x, y, target) : undefined),
    mentionOf: (el) => (active && painter ? painter.mentionOf(el) : undefined),
    rectOf: (m) => painter?.rectOf(m) ?? null,
    focus: (m) => painter?.focus(m) ?? null,
    counts: () => registry.counts(),
    found: () => registry.found(),
    mentions: () => registry.ordered(),
    checks: () => registry.checks(),
    nextMention,
    get mode() {
      return active ? (painter?.mode ?? null) : null;
    },
    get skipped() {
      return session.skipped;
    },
  };
}

/**
 * A string that doesn't keep a larger one alive: a slice of a run's text would otherwise hold the
 * whole paragraph (on a 5 MB page, most of its text) for as long as the mention lives.
 */
function ownCopy(s: string): string {
  return `${s} `.slice(0, -1);
}

function categoryMap(index: TopicIndex): Map<string, Category> {
  return new Map(index.categories.map((c) => [c.id, c]));
}
