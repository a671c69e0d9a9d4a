// Wires the content script together: settings in, mentions and tooltip out. One AbortSignal per
// instance tears everything down, including when the extension is updated or reloaded under the
// page ("Extension context invalidated"): the old instance then goes quiet and leaves nothing
// behind. Separate from the entry point so tests can start it with a fake API.

import type { TopicDetails, TopicIndex } from '../core/corpus-types';
import type { Matcher } from '../core/matcher';
import type { PageCommand } from '../core/messages';
import { DEFAULT_SETTINGS, isActiveOn, siteOf, type Settings } from '../core/settings';
import type { ContentApi } from '../platform/content-api';
import { i18n } from '../platform/i18n';
import { createAnnotator } from './annotator';
import { watchIntent } from './intent';
import { createLiveRegion } from './live-region';
import { pageReport, scrollToMention } from './page-answers';
import type { PageMention } from './mentions';
import type { LazyModules } from './modules';
import { watchOwnCorpus } from './own-corpus';
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
  matcher: Matcher;
  doc: Document;
  modules: LazyModules;
}

function topHref(win: Window): string | null {
  try {
    return win.top?.location.href ?? null;
  } catch {
    return null;
  }
}

export function startContentScript({ api, index, matcher, doc, modules }: ContentScriptOptions): ContentScript {
  const win = doc.defaultView!;
  const controller = new AbortController();
  const { signal } = controller;
  const isTop = win.top === win;
  // A frame follows its page's "off on this site" (srcdoc and about:blank frames have no site).
  const site = siteOf(topHref(win) ?? doc.location?.href ?? '');
  const details = new Map<string, Promise<TopicDetails>>();
  let tooltip: TooltipHost | null = null;
  let active = false;
  let settings: Settings = DEFAULT_SETTINGS;
  /** Turned off on this page only, by the keyboard shortcut. */
  let paused = false;
  let announced = false;
  /** Where the keyboard commands last took the reader; the next one moves on from there. */
  let keyboardAt: PageMention | null = null;
  let returningFocus = false;
  const live = createLiveRegion(doc);

  /** Once the extension is gone from under the page, everything stops quietly. */
  function alive(): boolean {
    if (signal.aborted) return false;
    if (api.contextValid()) return true;
    controller.abort();
    return false;
  }

  /** Messages to the background; a dead extension context stops this instance instead of throwing. */
  function send<T>(call: () => Promise<T>): Promise<T> {
    if (!alive()) return Promise.reject(new Error('Backstory was updated or removed; reload the page'));
    try {
      return call().catch((e: unknown) => {
        alive();
        throw e;
      });
    } catch (e) {
      alive();
      return Promise.reject(e);
    }
  }

  // The badge follows the counts, at most every COUNTS_REPORT_MS (a feed changes them many times a
  // second), and only when its number changes: a page without mentions sends nothing at all.
  let countsTimer = 0;
  let reported = 0;
  const reportCounts = () => {
    countsTimer = 0;
    const counts = annotator.counts();
    if (!isTop || counts.total === reported) return;
    reported = counts.total;
    send(() => api.send('counts:report', { counts })).catch(() => undefined);
  };
  const annotator = createAnnotator({
    doc,
    index,
    matcher,
    modules,
    signal,
    alive,
    onCountsChanged: () => {
      countsTimer ||= win.setTimeout(reportCounts, COUNTS_REPORT_MS);
    },
  });
  signal.addEventListener('abort', () => win.clearTimeout(countsTimer));

  // Own corpus packs and "Wrong match" reports: matched with the built-in corpus, live.
  const own = watchOwnCorpus({
    api,
    site,
    base: { index, matcher },
    apply: (view) => annotator.setCorpus(view.index, view.matcher),
    onPacksChanged: () => details.clear(),
  });

  function loadDetails(topicId: string): Promise<TopicDetails> {
    let p = details.get(topicId);
    if (!p) {
      p = send(() => api.send('details:get', { topicId })).then((d) => {
        if (!d) throw new Error(`no details for "${topicId}"`);
        return d;
      });
      // A failed load is retried on the next open rather than cached.
      p.catch(() => details.delete(topicId));
      details.set(topicId, p);
    }
    return p;
  }

  async function tooltipHost(): Promise<TooltipHost | null> {
    if (tooltip) return tooltip;
    const { createTooltipHost } = await modules.ui();
    if (!alive() || !active) return null;
    tooltip ??= createTooltipHost({
      doc,
      rectOf: annotator.rectOf,
      loadDetails,
      onWrongMatch: site === null ? undefined : (m) => void own.reportWrongMatch(m),
      onOpenSource: (topicId, quote) =>
        void send(() => api.send('reader:open', { topicId, sourceId: quote.source, quote: quote.text })).catch(() => undefined),
      onClose: () => annotator.focus(null),
    });
    return tooltip;
  }

  function closeTooltip(): void {
    tooltip?.destroy();
    tooltip = null;
  }

  watchIntent({
    doc,
    signal,
    mentionAt: (x, y, target) => (alive() ? annotator.mentionAt(x, y, target) : undefined),
    mentionOf: (el) => (alive() ? annotator.mentionOf(el) : undefined),
    isTooltip: (el) => !!tooltip && el === tooltip.element,
    isReturningFocus: () => returningFocus || !!tooltip?.restoringFocus,
    onArrive: (m) => {
      // Loaded while the intent delay runs, so the tooltip opens with its content.
      void tooltipHost().catch(() => null);
      loadDetails(m.head.id).catch(() => undefined);
      if (tooltip?.current === m) tooltip.cancelClose();
    },
    onRest: (m) =>
      void tooltipHost().then(
        (t) => t?.open(m),
        () => undefined,
      ),
    onLeave: () => {
      if (tooltip?.current && !tooltip.hasFocus()) tooltip.scheduleClose();
    },
    onTooltip: () => tooltip?.cancelClose(),
    onFocus: (m, el) =>
      void tooltipHost().then(
        (t) => t?.open(m, { anchorElement: el }),
        () => undefined,
      ),
    onFocusElsewhere: () => {
      if (tooltip?.current && !tooltip.hasFocus()) tooltip.close(false);
    },
  });

  async function applySettings(next: Settings): Promise<void> {
    if (!alive()) return;
    settings = next;
    active = isActiveOn(settings, site) && !paused;
    if (!active) closeTooltip();
    keyboardAt = null;
    await annotator.apply(settings, active);
  }

  /** The page's one summary for screen readers, after its first annotation. */
  function announce(): void {
    const topics = annotator.found().length;
    // Also called when a scan ends, which may be after the extension was reloaded away.
    if (!isTop || announced || topics === 0 || !alive()) return;
    announced = true;
    live.announce(i18n.message('liveSummary', String(topics)));
  }

  /** Takes the reader to a mention: shows where it is, opens its tooltip as a focused dialog. */
  async function reveal(mention: PageMention | undefined, returnFocus: Element | null): Promise<boolean> {
    if (!mention) return false;
    const host = await tooltipHost();
    if (!host) return false;
    keyboardAt = mention;
    const el = annotator.focus(mention);
    scrollToMention(win, mention, el, annotator.rectOf);
    if (el) {
      returningFocus = true; // focusing the mark is ours, not the reader's Tab
      el.focus({ preventScroll: true });
      returningFocus = false;
    }
    host.open(mention, { focus: true, returnFocus, anchorElement: el });
    return true;
  }

  /** Where focus was before a command brought the reader into the tooltip. */
  function focusBefore(): Element | null {
    const el = doc.activeElement;
    return el && tooltip && el === tooltip.element ? null : el;
  }

  async function runCommand(command: PageCommand): Promise<void> {
    if (command === 'toggle-annotations') {
      paused = !paused;
      await applySettings(settings);
      if (paused) live.announce(i18n.message('liveOff'));
      else {
        announced = false;
        announce();
      }
      return;
    }
    // From the tooltip, on to the next mention; from elsewhere on the page, the next one after the
    // reader's place (the focused element, or the mention the commands last showed).
    const inTooltip = !!tooltip && doc.activeElement === tooltip.element;
    const focused = focusBefore();
    const onPage = focused && focused !== doc.body ? (annotator.mentionOf(focused) ?? focused) : null;
    const from = inTooltip ? keyboardAt : (onPage ?? keyboardAt);
    await reveal(annotator.nextMention(null, from), inTooltip ? null : focused);
  }

  const stopWatching = api.onSettingsChanged((s) => void applySettings(s));
  const stopAnswering = isTop
    ? api.handle({
        'page:status': () => ({
          site,
          active,
          counts: annotator.counts(),
          found: annotator.found(),
          skipped: annotator.skipped,
          mode: annotator.mode,
        }),
        'page:report': () => pageReport(doc, annotator),
        'page:reveal': ({ topicId }) => reveal(annotator.nextMention(topicId, keyboardAt?.head.id === topicId ? keyboardAt : null), focusBefore()),
        'page:command': async ({ command }) => {
          await runCommand(command);
          return null;
        },
      })
    : () => undefined;

  signal.addEventListener('abort', () => {
    // Removing listeners from a dead extension context throws; there is nothing left to remove then.
    for (const stop of [stopWatching, stopAnswering, own.destroy]) {
      try {
        stop();
      } catch {
        // the context is gone
      }
    }
    closeTooltip();
    live.destroy();
  });

  const ready = Promise.all([api.loadSettings(), own.ready])
    .then(([s]) => applySettings(s))
    .then(announce);

  return { ready, alive, stop: () => controller.abort() };
}
