// The tooltip's host: its open/close lifecycle. It shows the Preact tooltip for one mention at a
// time, loads the topic's details into it, keeps it placed while the page scrolls, moves focus
// into it when the keyboard opened it, and closes on Escape, after the pointer left, or when its
// mention leaves the screen. When it opens is decided elsewhere (intent.ts); what it shows is
// src/ui. Its element and shadow root are tooltip-frame.ts's, its place on screen
// tooltip-place.ts's, and where focus goes back to focus-return.ts's.

import { h, render } from 'preact';
import type { QuoteRef, TopicDetails } from '../core/corpus-types';
import { Tooltip, type TooltipState } from '../ui/Tooltip';
import { createFocusReturn, type FocusReturn } from './focus-return';
import type { PageMention } from './mentions';
import { createTooltipFrame, type TooltipFrame } from './tooltip-frame';
import { placeBeside } from './tooltip-place';

export interface TooltipHostOptions {
  doc: Document;
  /** Where a mention is on screen now; null once it has left the page. */
  rectOf: (mention: PageMention) => DOMRect | null;
  /** Where a topic's details come from (the page's DetailsCache). */
  details: TooltipDetails;
  /** "Wrong match" on a mention (offered only when given, and not for checked statements). */
  onWrongMatch?: (mention: PageMention) => void;
  /** "Read in source" under a quote: the topic whose tooltip shows it, and the quote. */
  onOpenSource?: (topicId: string, quote: QuoteRef) => void;
  /** Called when the tooltip closes (the keyboard's place stops being shown). */
  onClose?: () => void;
  closeDelay?: number;
}

export interface TooltipDetails {
  load(topicId: string): Promise<TopicDetails>;
  /**
   * The details if they are loaded already (most often: the pointer's arrival asked for them while
   * the intent delay ran). The tooltip then opens with them in its first render, rather than
   * rendering its loading state first and the details a moment later: measured on the bench's
   * article in Chromium, the two renders of a first tooltip took 14–24 and 25–37 ms in one task.
   */
  loaded?(topicId: string): TopicDetails | undefined;
}

export interface OpenOptions {
  /** Move focus into the tooltip (it was opened from the keyboard). */
  focus?: boolean;
  /** Where focus goes back to on Escape. */
  returnFocus?: Element | null;
  /** The mention's own focusable element (mark mode): Enter there moves into the tooltip. */
  anchorElement?: HTMLElement | null;
}

export interface TooltipHost {
  /**
   * Loads a mention's details and renders its tooltip hidden, laid out, while the intent delay
   * runs: opening it then only places and shows it. Nothing while a tooltip is open.
   */
  prepare(mention: PageMention): void;
  open(mention: PageMention, options?: OpenOptions): void;
  close(restoreFocus?: boolean): void;
  /** Closes after the close delay unless the pointer comes back first (and empties what was prepared). */
  scheduleClose(): void;
  cancelClose(): void;
  readonly current: PageMention | null;
  /** The host element (the pointer over it counts as over the tooltip). */
  readonly element: HTMLElement | null;
  /** Whether focus is inside the tooltip. */
  hasFocus(): boolean;
  /** True while focus is being handed back on close (that focus must not open a tooltip). */
  readonly restoringFocus: boolean;
  destroy(): void;
}

export const CLOSE_DELAY = 300;

/** The close delay: the pointer may leave the mention or the tooltip briefly without closing it. */
function closeTimer(win: Window, delay: number, close: () => void) {
  let timer = 0;
  const cancel = () => win.clearTimeout(timer);
  const schedule = () => {
    cancel();
    timer = win.setTimeout(close, delay);
  };
  return { schedule, cancel };
}

/** The tooltip for a mention, with what its buttons do. */
function tooltipOf(mention: PageMention, state: TooltipState, options: TooltipHostOptions, close: (restoreFocus: boolean) => void) {
  // Keyed by topic so one topic's expanded state never carries over to the next.
  return h(Tooltip, {
    key: mention.head.id,
    head: mention.head,
    category: mention.category,
    alias: mention.alias,
    rule: mention.rule,
    check: mention.check,
    state,
    onClose: () => close(true),
    onWrongMatch: wrongMatch(mention, options.onWrongMatch, close),
    onOpenSource: openSource(mention, options.onOpenSource),
  });
}

/** The tooltip closes at once; the mention's highlight goes when the report is applied. */
function wrongMatch(mention: PageMention, report: TooltipHostOptions['onWrongMatch'], close: (restoreFocus: boolean) => void) {
  if (!report || mention.check) return undefined;
  return () => {
    close(false);
    report(mention);
  };
}

function openSource(mention: PageMention, open: TooltipHostOptions['onOpenSource']): ((quote: QuoteRef) => void) | undefined {
  return open ? (quote) => open(mention.head.id, quote) : undefined;
}

/** The tooltip's state once the details arrive or fail. */
function settle(details: Promise<TopicDetails>, show: (state: TooltipState) => void): void {
  details.then(
    (loaded) => show({ kind: 'ready', details: loaded }),
    (error: unknown) => show({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
}

/** Listens for the keys and the scrolling the open tooltip follows; returns the undo. */
function listen(doc: Document, onKey: (e: KeyboardEvent) => void, onScroll: () => void): () => void {
  const win = doc.defaultView!;
  doc.addEventListener('keydown', onKey, true);
  win.addEventListener('scroll', onScroll, { capture: true, passive: true });
  win.addEventListener('resize', onScroll, { passive: true });
  return () => {
    doc.removeEventListener('keydown', onKey, true);
    win.removeEventListener('scroll', onScroll, { capture: true });
    win.removeEventListener('resize', onScroll);
  };
}

/**
 * Keys while a tooltip is open: Escape closes it, handing focus back where the keyboard is in it or
 * a command brought the reader there; Enter on the mention's focused mark moves into it, so its
 * links and buttons can be reached.
 */
function keysFor(doc: Document, host: TooltipHost, frame: TooltipFrame, focusReturn: FocusReturn): (e: KeyboardEvent) => void {
  return (e) => {
    if (!host.current) return;
    if (e.key === 'Escape') host.close(frame.hasFocus() || focusReturn.pending);
    else if (e.key === 'Enter' && focusReturn.anchor && doc.activeElement === focusReturn.anchor && frame.built) {
      e.preventDefault();
      frame.focusCard();
    }
  };
}

/**
 * Renders into the (hidden) panel and lays it out: a page's first tooltip pays for its styles,
 * fonts and layout then, not in the frame it opens in (measured on the bench's article: its first
 * layout took 28–33 ms, its render 14–30).
 */
function renderHidden(panel: HTMLElement, tooltip: ReturnType<typeof tooltipOf>): void {
  render(tooltip, panel);
  void panel.offsetHeight;
}

export function createTooltipHost(options: TooltipHostOptions): TooltipHost {
  const { doc, rectOf, details } = options;
  const win = doc.defaultView!;
  const timer = closeTimer(win, options.closeDelay ?? CLOSE_DELAY, () => close(false));
  const frame = createTooltipFrame(doc, { enter: timer.cancel, leave: timer.schedule });
  const focusReturn = createFocusReturn(win);
  let current: PageMention | null = null;
  let state: TooltipState = { kind: 'loading' };
  let focusOnPaint = false;

  function paint(): void {
    if (!current) return;
    render(tooltipOf(current, state, options, close), frame.panel());
    position();
    if (focusOnPaint && current) frame.focusCard({ preventScroll: true });
  }

  function position(): void {
    const panel = frame.built;
    if (current && panel && !placeBeside(panel, rectOf(current), win)) close(false);
  }

  function prepare(mention: PageMention): void {
    const loaded = details.loaded?.(mention.head.id);
    if (!loaded) {
      // Prepared once they arrive, unless a tooltip opened meanwhile (its own or another's).
      if (details.loaded)
        details.load(mention.head.id).then(
          () => prepare(mention),
          () => undefined,
        );
      return;
    }
    if (current) return;
    timer.cancel();
    renderHidden(frame.panel(), tooltipOf(mention, { kind: 'ready', details: loaded }, options, close));
  }

  function open(mention: PageMention, opts: OpenOptions = {}): void {
    timer.cancel();
    focusReturn.remember(opts.returnFocus, opts.anchorElement);
    focusOnPaint = !!opts.focus;
    if (current === mention) {
      if (focusOnPaint) frame.focusCard({ preventScroll: true });
      return;
    }
    current = mention;
    const loaded = details.loaded?.(mention.head.id);
    state = loaded ? { kind: 'ready', details: loaded } : { kind: 'loading' };
    paint();
    if (loaded) return;
    settle(details.load(mention.head.id), (next) => {
      if (current !== mention) return;
      state = next;
      paint();
    });
  }

  function close(restoreFocus = false): void {
    timer.cancel();
    const was = current;
    current = null;
    focusOnPaint = false;
    frame.empty();
    if (!focusReturn.release(restoreFocus) && restoreFocus && frame.hasFocus()) (doc.activeElement as HTMLElement | null)?.blur();
    if (was) options.onClose?.();
  }

  const host: TooltipHost = {
    prepare,
    open,
    close,
    scheduleClose: timer.schedule,
    cancelClose: timer.cancel,
    get current() {
      return current;
    },
    get element() {
      return frame.host;
    },
    hasFocus: frame.hasFocus,
    get restoringFocus() {
      return focusReturn.restoring;
    },
    destroy() {
      close(false);
      unlisten();
      frame.remove();
    },
  };
  const unlisten = listen(doc, keysFor(doc, host, frame, focusReturn), () => {
    if (current) position();
  });
  return host;
}
