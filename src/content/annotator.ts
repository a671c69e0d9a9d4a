// Finds the page's mentions and shows them, keeps them in step with the settings and with the
// page's own changes, and takes them away without a trace. The mentions live in the registry;
// the painter shows them (highlights or marks); the watcher reports what the page changed.

import type { Category, TopicIndex } from '../core/corpus-types';
import type { PageMatcher } from '../core/match-request';
import { MIN_STRONG_MENTIONS } from '../core/matcher';
import type { FoundTopic, MentionCounts } from '../core/messages';
import { isCategoryOn, type Settings } from '../core/settings';
import type { Annotator, AnnotatorOptions } from './annotator-api';
import { ClaimPass, type HeldRun, notShownYet } from './claim-pass';
import { nextMention } from './mention-order';
import { createMentionRegistry, type PageMention } from './mentions';
import type { LazyModules } from './modules';
import { liesOnItsText, type MentionFields, pageMention } from './page-mention';
import { createHighlightPainter } from './paint-highlights';
import { categoryMap, markedIn, modeFor, sameView } from './annotator-view';
import { watchPage, type PageWatcher } from './page-watcher';
import type { Painter, PaintMode } from './painter';
import { readingStart } from './reading-start';
import { ScanSession } from './scan-session';
import { scanRoots } from './scan';
import { measureScan, paintPacer } from './scan-pacing';
import { createSlicer } from './slices';
import type { TextRun } from './text-runs';
import { staleMentions } from './stale';
import { MatchTriage, type TriageHost } from './triage';
import { EXCLUDED_SELECTOR } from './zones';

export { SCAN_MEASURE } from './scan-pacing';

export type { Annotator, AnnotatorOptions };

/** For show(): mentions read at no known point of the page's changes (each is checked against its text). */
const UNKNOWN_CHANGES = -1;

export function createAnnotator(options: AnnotatorOptions): Annotator {
  return new PageAnnotator(options);
}

/**
 * The annotator's state, owned in one place: the corpus it matches with, the settings, the
 * painter and the page watcher; the mentions themselves are the registry's.
 */
class PageAnnotator implements Annotator {
  private readonly doc: Document;
  private readonly win: Window;
  private readonly signal: AbortSignal;
  private readonly alive: () => boolean;
  private readonly onCountsChanged: (() => void) | undefined;
  private readonly modules: Pick<LazyModules, 'marks'>;
  private readonly registry = createMentionRegistry();
  private readonly slicer: ReturnType<typeof createSlicer>;
  private readonly claims: ClaimPass;
  private index: TopicIndex;
  private matcher: PageMatcher;
  private categories: Map<string, Category>;
  /** The page has named the dispute itself (an anchor topic): ambiguous names may stand on it. */
  private pageAnchored = false;
  private painter: Painter | null = null;
  private watcher: PageWatcher | null = null;
  private settings: Settings | null = null;
  private active = false;
  private scanning: Promise<void> = Promise.resolve();
  /** What is shown is the registry's; what was left out, the session's. */
  private session = new ScanSession();

  constructor(options: AnnotatorOptions) {
    this.doc = options.doc;
    this.win = options.doc.defaultView!;
    this.signal = options.signal;
    this.alive = options.alive ?? (() => true);
    this.onCountsChanged = options.onCountsChanged;
    this.modules = options.modules;
    this.index = options.index;
    this.matcher = options.matcher;
    this.categories = categoryMap(this.index);
    this.slicer = createSlicer(this.win);
    const onReached = (runs: HeldRun[]) => void this.checkReached(runs);
    this.claims = new ClaimPass(options.checker, this.slicer, options.reach ? { reach: options.reach, onReached, shown: this.registry } : null);
    this.signal.addEventListener('abort', () => {
      this.clear();
      this.active = false;
    });
  }

  get mode(): PaintMode | null {
    return this.active ? (this.painter?.mode ?? null) : null;
  }

  get skipped(): number {
    return this.session.skipped;
  }

  get unshown(): number {
    return this.session.unshown;
  }

  async apply(next: Settings, nowActive: boolean): Promise<void> {
    const unchanged = this.active === nowActive && sameView(this.win, this.index, this.settings, next);
    this.settings = next;
    if (unchanged || this.signal.aborted) return this.scanning;
    this.active = nowActive;
    this.clear();
    if (!this.active) return;
    const { generation } = this.session;
    const p = await this.painterFor(modeFor(this.win, next));
    if (generation !== this.session.generation || this.signal.aborted) return this.scanning;
    this.painter = p;
    this.watcher ??= watchPage(this.doc, this.signal, { onStale: (stale) => this.onStale(stale), onRoots: (roots) => this.onRoots(roots) });
    return this.scanPage();
  }

  setCorpus(index: TopicIndex, matcher: PageMatcher): Promise<void> {
    this.index = index;
    this.matcher = matcher;
    this.categories = categoryMap(index);
    if (!this.active || !this.painter || this.signal.aborted) return this.scanning;
    this.clear();
    return this.scanPage();
  }

  // Properties, not methods: the content script hands these on as callbacks (the tooltip's rectOf).
  readonly mentionAt = (x: number, y: number, target: Element): PageMention | undefined =>
    this.active && this.painter ? this.painter.mentionAt(x, y, target) : undefined;

  readonly mentionOf = (el: Element): PageMention | undefined => (this.active && this.painter ? this.painter.mentionOf(el) : undefined);
  readonly rectOf = (m: PageMention): DOMRect | null => this.painter?.rectOf(m) ?? null;
  readonly focus = (m: PageMention | null): HTMLElement | null => this.painter?.focus(m) ?? null;

  readonly counts = (): MentionCounts => this.registry.counts();
  readonly found = (): FoundTopic[] => this.registry.found();
  readonly mentions = (): PageMention[] => this.registry.ordered();
  readonly checks = (): PageMention[] => this.registry.checks();
  readonly checkAll = (): Promise<void> => this.checkReached(this.claims.takeWaiting());
  readonly nextMention = (topicId: string | null, after: PageMention | Element | null): PageMention | undefined =>
    nextMention(this.registry, topicId, after);

  private readonly changes = (): number => this.watcher?.changes ?? UNKNOWN_CHANGES;

  private quietly(fn: () => void): void {
    if (this.watcher) this.watcher.quietly(fn);
    else fn();
  }

  /** Shows mentions whose text was read after the page's `foundAt`th change (see PageWatcher.changes). */
  private show(found: PageMention[], foundAt: number): void {
    const p = this.painter;
    // Unless the page changed something since, they lie on their text: no node is read again.
    const lying = foundAt >= 0 && foundAt === this.changes() ? found : found.filter((m) => liesOnItsText(m, p?.mode));
    const mentions = p ? this.session.admit(lying, this.registry.size(), p.limit) : [];
    if (!mentions.length || !p) return;
    this.registry.add(mentions);
    this.quietly(() => p.add(mentions));
    this.onCountsChanged?.();
  }

  private hide(mentions: Iterable<PageMention>): void {
    const gone = this.registry.remove(mentions);
    const p = this.painter;
    if (gone.length && p) this.quietly(() => p.remove(gone));
    if (gone.length) this.onCountsChanged?.();
  }

  private readonly toMention = (run: TextRun, start: number, end: number, topic: number, fields: MentionFields): PageMention => {
    const head = this.index.topics[topic]!;
    return pageMention(run, start, end, head, this.categories.get(head.category), fields);
  };

  /** What a scan's triage asks of the annotator, read at the time it asks. */
  private triageHost(): TriageHost {
    const self = this;
    const { doc, index, matcher, registry } = this;
    return {
      doc,
      index,
      matcher,
      registry,
      firstOnly: this.settings?.mentionMode === 'first',
      shown: (topic) => !!self.settings && !!index.topics[topic] && isCategoryOn(self.settings, index.topics[topic].category),
      get pageAnchored() {
        return self.pageAnchored;
      },
      markAnchored: () => void (self.pageAnchored = true),
      hide: (mentions) => self.hide(mentions),
      toMention: this.toMention,
    };
  }

  /**
   * Scans subtrees, in one sliced pass: found mentions are shown in a few batches (see
   * PAINT_INTERVAL_MS). With `from` (inside the one root), reading starts there and wraps round.
   */
  private async scan(roots: readonly Element[], from: Element | null = null): Promise<void> {
    const t0 = this.win.performance.now();
    const { generation } = this.session;
    const triage = new MatchTriage(this.triageHost());
    this.takeBackMarks(roots);
    this.session.reread(roots);
    const { pageHasContext, onLookalike, onTitle } = triage;
    const walk = scanRoots(roots, this.matcher, { pageHasContext, onLookalike, title: this.doc.title, onTitle }, triage.onMatches, from);
    // A batch may hold text read long before it is painted (a long run is searched a window per
    // slice after the walk read it): only a page unchanged since the scan began spares the check.
    const scanFrom = this.changes();
    const waiting = () => triage.batch.length;
    const paintIfDue = paintPacer(this.win, this.painter?.paintsInBatches ?? true, this.registry.size, waiting, () =>
      this.show(triage.batch.splice(0), scanFrom),
    );
    const finished = await this.slicer.run(walk.step, paintIfDue);
    const current = () => generation === this.session.generation;
    if (!finished || !current()) return;
    // Highlights leave the text as read, so statements may wait for the reader; marks cut it. The
    // last batch waits for those checked now: the page gets one frame for both.
    const waits = this.painter?.mode === 'highlights';
    const checks = await this.claims.ofScan(triage.claimRuns, waits, this.index, this.toMention, current);
    if (!checks || !current()) return;
    this.show([...triage.batch.splice(0), ...checks], scanFrom);
    this.session.skipped += walk.skipped;
    this.showWaiting(triage, scanFrom);
    measureScan(this.win, t0);
    if (walk.again.length) this.onRoots([...walk.again]);
  }

  /** Statements the reader came near (or all still waiting, for the page report), after the scans queued: checked, and shown where the page left their text. */
  private checkReached(runs: readonly HeldRun[]): Promise<void> {
    if (!runs.length) return this.scanning;
    const { generation } = this.session;
    return this.queueScan(async () => {
      const checks = await this.claims.checkAsRead(runs, this.index, this.toMention, () => generation === this.session.generation);
      if (!checks?.length || generation !== this.session.generation) return;
      this.show(notShownYet(checks, this.registry), UNKNOWN_CHANGES);
    });
  }

  /**
   * Ambiguous names stand on a page about the dispute: with context nearby once the page names an
   * anchor topic anywhere; without it, once the page is plainly about the dispute.
   */
  private showWaiting(triage: MatchTriage, foundAt: number): void {
    if (!triage.anchored()) return;
    this.show(triage.standing(triage.held), foundAt);
    if (this.registry.strong() >= MIN_STRONG_MENTIONS) this.show(triage.standing(triage.deferred), foundAt);
  }

  /** Marks cut the page's text nodes: a block read again is first given its own text back. */
  private takeBackMarks(roots: readonly Element[]): void {
    if (this.painter?.mode === 'marks') this.hide(markedIn(roots, this.registry));
  }

  /** The page changed or removed text: its mentions go at once, before the next frame. */
  private onStale(stale: Node[]): void {
    if (!this.active || !this.painter || !this.alive()) return;
    const p = this.painter;
    const { changedText, gone } = staleMentions(stale, this.registry, p);
    if (gone.size === 0) return;
    this.quietly(() => p.release(changedText));
    this.hide(gone);
  }

  /** Text the page added or changed is read again. */
  private onRoots(roots: Element[]): void {
    if (!this.active || !this.painter || !this.alive()) return;
    const scannable = roots.filter((r) => !r.closest(EXCLUDED_SELECTOR));
    if (!scannable.length) return;
    this.queueScan(() => this.scan(scannable));
  }

  private clear(): void {
    this.slicer.cancel();
    this.claims.reset();
    const p = this.painter;
    if (p) this.quietly(() => p.clear());
    const had = this.registry.size() > 0;
    this.registry.clear();
    if (had) this.onCountsChanged?.();
    this.pageAnchored = false;
    this.session = this.session.next();
  }

  /** Scans run one after another; one queued before a clear (settings, corpus) is dropped. */
  private queueScan(run: () => Promise<void>): Promise<void> {
    const { generation } = this.session;
    this.scanning = this.scanning
      .then(() => (this.active && generation === this.session.generation ? run() : undefined))
      // A failed scan (a lazy module that didn't load) must not stop the ones after it.
      .catch(() => undefined);
    return this.scanning;
  }

  private scanPage(): Promise<void> {
    const body = this.doc.body;
    return body ? this.queueScan(() => this.scan([body], readingStart(this.doc, this.win))) : this.scanning;
  }

  private async painterFor(mode: PaintMode): Promise<Painter> {
    if (this.painter?.mode === mode) return this.painter;
    return mode === 'highlights' ? createHighlightPainter(this.doc, this.registry) : (await this.modules.marks()).createMarkPainter();
  }
}
