// Wires the content script together: settings in, mentions and tooltip out. One AbortSignal per
// instance tears everything down, also when the extension is updated or reloaded under the page
// (the old instance goes quiet, leaving nothing). Apart from the entry point: tests give it a fake API.

import type { TopicIndex } from '../core/corpus-types';
import type { PageMatcher } from '../core/match-request';
import type { PageCommand, PageMessage } from '../core/messages';
import { DEFAULT_SETTINGS, isActiveOn, SETTINGS_KEY, siteOf, type Settings } from '../core/settings';
import type { ContentApi } from '../platform/content-api';
import type { Handlers } from '../platform/extension-api';
import type { PageMessages } from '../platform/page-messages';
import { type Annotator, type AnnotatorOptions, createAnnotator } from './annotator';
import { countsReporter, countsSink } from './counts-report';
import { createDetailsCache, type DetailsCache } from './details-cache';
import { createExtensionLink, type ExtensionLink } from './extension-link';
import { watchIntent } from './intent';
import { createLiveRegion, type LiveRegion } from './live-region';
import type { PageMention } from './mentions';
import type { LazyModules } from './modules';
import { type OwnCorpus, watchOwnCorpus } from './own-corpus';
import { pageReport, pageStatus, scrollToMention } from './page-answers';
import type { TooltipHost } from './tooltip-host';

/** How often at most the page's counts go to the background (the toolbar badge). */
export const COUNTS_REPORT_MS = 500;

export interface ContentScript {
  ready: Promise<void>;
  /** Whether this instance still runs (false once stopped or its extension context is gone). */
  alive(): boolean;
  stop(): void;
}

export interface ContentScriptOptions {
  api: ContentApi;
  index: TopicIndex;
  matcher: PageMatcher;
  doc: Document;
  modules: LazyModules;
  reach?: AnnotatorOptions['reach'];
  /** What the page says itself (lazy/main.js bundles them: platform/page-messages.ts). */
  messages: PageMessages;
}

export function startContentScript(options: ContentScriptOptions): ContentScript {
  const instance = new ContentInstance(options);
  return { ready: instance.ready, alive: instance.link.alive, stop: () => instance.stop() };
}

function topHref(win: Window): string | null {
  try {
    return win.top?.location.href ?? null;
  } catch {
    return null;
  }
}

/** One content script's state, owned in one place; everything it starts hangs on its signal. */
class ContentInstance {
  readonly ready: Promise<void>;
  readonly link: ExtensionLink;
  private readonly controller = new AbortController();
  private readonly signal = this.controller.signal;
  private readonly api: ContentApi;
  private readonly doc: Document;
  private readonly win: Window;
  private readonly modules: LazyModules;
  private readonly isTop: boolean;
  /** A frame follows its page's "off on this site" (srcdoc and about:blank frames have no site). */
  private readonly site: string | null;
  private readonly live: LiveRegion;
  private readonly details: DetailsCache;
  private readonly annotator: Annotator;
  private readonly own: OwnCorpus;
  private tooltip: TooltipHost | null = null;
  private active = false;
  private settings: Settings = DEFAULT_SETTINGS;
  /** Turned off on this page only, by the keyboard shortcut. */
  private paused = false;
  private announced = false;
  /** Where the keyboard commands last took the reader; the next one moves on from there. */
  private keyboardAt: PageMention | null = null;
  private returningFocus = false;

  constructor({ api, index, matcher, doc, modules, reach, messages }: ContentScriptOptions) {
    this.api = api;
    this.doc = doc;
    this.win = doc.defaultView!;
    this.modules = modules;
    this.isTop = this.win.top === this.win;
    this.site = siteOf(topHref(this.win) ?? doc.location?.href ?? '');
    this.live = createLiveRegion(doc, messages);
    this.link = createExtensionLink(api, this.controller);
    const { send } = this.link;
    this.details = createDetailsCache((topicId) => send(() => api.send('details:get', { topicId })));
    this.annotator = createAnnotator({
      doc,
      index,
      matcher,
      modules,
      checker: (request) => send(() => api.send('claims:check', request)),
      reach,
      signal: this.signal,
      alive: this.link.alive,
      onCountsChanged: this.isTop
        ? countsReporter(this.win, this.signal, COUNTS_REPORT_MS, () => this.annotator.counts(), countsSink(api, send, this.signal))
        : undefined,
    });
    // Own corpus packs and "Wrong match" reports: matched with the built-in corpus, live.
    this.own = watchOwnCorpus({
      api,
      signal: this.signal,
      site: this.site,
      base: { index, matcher },
      apply: (view) => this.annotator.setCorpus(view.index, view.matcher),
      onPacksChanged: () => this.details.clear(),
    });
    this.watchReader();
    const stopAnswering = this.isTop ? api.handle(this.answers()) : () => undefined;
    this.signal.addEventListener('abort', () => this.tearDown(stopAnswering));
    this.ready = this.watchSettings().then(() => this.announce());
  }

  /** Applies the settings once the own corpus is in, then each change (open tabs follow live); resolves after the first, or on stop. */
  private watchSettings(): Promise<void> {
    let latest: Settings | null = null;
    let started = false;
    let heard: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (heard = resolve));
    this.api.watch(
      SETTINGS_KEY,
      (s) => {
        latest = s;
        if (started) void this.applySettings(s);
        else heard();
      },
      { signal: this.signal },
    );
    const stopped = new Promise<void>((resolve) => this.signal.addEventListener('abort', () => resolve(), { once: true }));
    const applied = Promise.all([first, this.own.ready]).then(() => {
      started = true;
      return this.applySettings(latest ?? DEFAULT_SETTINGS);
    });
    return Promise.race([applied, stopped]);
  }

  stop(): void {
    this.controller.abort();
  }

  private tearDown(stopAnswering: () => void): void {
    try {
      stopAnswering();
    } catch {
      // Removing a listener from a dead extension context throws; there is nothing left to remove.
    }
    this.closeTooltip();
    this.live.destroy();
  }

  private async tooltipHost(): Promise<TooltipHost | null> {
    if (this.tooltip) return this.tooltip;
    const { createTooltipHost } = await this.modules.ui();
    if (!this.link.alive() || !this.active) return null;
    const { api, site, own, annotator, link } = this;
    this.tooltip ??= createTooltipHost({
      doc: this.doc,
      rectOf: annotator.rectOf,
      details: this.details,
      onWrongMatch: site === null ? undefined : (m) => void own.reportWrongMatch(m),
      onOpenSource: (topicId, quote) =>
        void link.send(() => api.send('reader:open', { topicId, sourceId: quote.source, quote: quote.text })).catch(() => undefined),
      onClose: () => annotator.focus(null),
    });
    return this.tooltip;
  }

  /** Does something with the tooltip (loading it first, on a page's first hover or command). */
  private withTooltip(use: (t: TooltipHost) => void): void {
    this.tooltipHost().then(
      (t) => t && use(t),
      () => undefined,
    );
  }

  private closeTooltip(): void {
    this.tooltip?.destroy();
    this.tooltip = null;
  }

  /** The reader's pointer and focus on mentions open and close the tooltip. */
  private watchReader(): void {
    const { annotator, link } = this;
    watchIntent({
      doc: this.doc,
      signal: this.signal,
      mentionAt: (x, y, target) => (link.alive() ? annotator.mentionAt(x, y, target) : undefined),
      mentionOf: (el) => (link.alive() ? annotator.mentionOf(el) : undefined),
      isTooltip: (el) => !!this.tooltip && el === this.tooltip.element,
      isReturningFocus: () => this.returningFocus || !!this.tooltip?.restoringFocus,
      onArrive: (m) => {
        // Loaded, and laid out hidden, while the intent delay runs: the tooltip opens with its content at once.
        this.details.load(m.head.id).catch(() => undefined);
        this.withTooltip((t) => t.prepare(m));
        if (this.tooltip?.current === m) this.tooltip.cancelClose();
      },
      onRest: (m) => this.withTooltip((t) => t.open(m)),
      onLeave: () => {
        if (this.tooltip && !this.tooltip.hasFocus()) this.tooltip.scheduleClose();
      },
      onTooltip: () => this.tooltip?.cancelClose(),
      onFocus: (m, el) => this.withTooltip((t) => t.open(m, { anchorElement: el })),
      onFocusElsewhere: () => {
        if (this.tooltip?.current && !this.tooltip.hasFocus()) this.tooltip.close(false);
      },
    });
  }

  private async applySettings(next: Settings): Promise<void> {
    if (!this.link.alive()) return;
    this.settings = next;
    this.active = isActiveOn(next, this.site) && !this.paused;
    if (!this.active) this.closeTooltip();
    this.keyboardAt = null;
    await this.annotator.apply(next, this.active);
  }

  /** The page's one summary for screen readers, after its first annotation. */
  private announce(): void {
    const topics = this.annotator.found().length;
    // Also called when a scan ends, which may be after the extension was reloaded away.
    if (!this.isTop || this.announced || topics === 0 || !this.link.alive()) return;
    this.announced = true;
    this.live.summary(topics);
  }

  /** What the popup asks of the page it is open on. */
  private answers(): Handlers<PageMessage> {
    const { annotator } = this;
    return {
      // The popup surveys the whole page: statements still waiting for the reader are checked too,
      // and it follows the counts as they come (it doesn't wait for scans a busy page has queued).
      'page:status': () => {
        void annotator.checkAll();
        return pageStatus(this.site, this.active, annotator);
      },
      'page:report': () => annotator.checkAll().then(() => pageReport(this.doc, annotator)),
      'page:reveal': ({ topicId }) =>
        this.reveal(annotator.nextMention(topicId, this.keyboardAt?.head.id === topicId ? this.keyboardAt : null), this.focusBefore()),
      'page:command': async ({ command }) => {
        await this.runCommand(command);
        return null;
      },
    };
  }

  /** Takes the reader to a mention: shows where it is, opens its tooltip as a focused dialog. */
  private async reveal(mention: PageMention | undefined, returnFocus: Element | null): Promise<boolean> {
    if (!mention) return false;
    const host = await this.tooltipHost();
    if (!host) return false;
    this.keyboardAt = mention;
    const el = this.annotator.focus(mention);
    scrollToMention(this.win, mention, el, this.annotator.rectOf);
    if (el) {
      this.returningFocus = true; // focusing the mark is ours, not the reader's Tab
      el.focus({ preventScroll: true });
      this.returningFocus = false;
    }
    host.open(mention, { focus: true, returnFocus, anchorElement: el });
    return true;
  }

  /** Where focus was before a command brought the reader into the tooltip. */
  private focusBefore(): Element | null {
    const el = this.doc.activeElement;
    return el && this.tooltip && el === this.tooltip.element ? null : el;
  }

  private async runCommand(command: PageCommand): Promise<void> {
    if (command === 'toggle-annotations') return this.togglePaused();
    // From the tooltip, on to the next mention; from elsewhere on the page, the next one after the
    // reader's place (the focused element, or the mention the commands last showed).
    const inTooltip = !!this.tooltip && this.doc.activeElement === this.tooltip.element;
    const focused = this.focusBefore();
    const onPage = focused && focused !== this.doc.body ? (this.annotator.mentionOf(focused) ?? focused) : null;
    const from = inTooltip ? this.keyboardAt : (onPage ?? this.keyboardAt);
    await this.reveal(this.annotator.nextMention(null, from), inTooltip ? null : focused);
  }

  private async togglePaused(): Promise<void> {
    this.paused = !this.paused;
    await this.applySettings(this.settings);
    if (this.paused) this.live.off();
    else {
      this.announced = false;
      this.announce();
    }
  }
}
