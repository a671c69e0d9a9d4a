// The tooltip's host: one element with an open shadow root outside <body>, created on first use.
// It shows the Preact tooltip beside a mention, keeps it placed while the page scrolls, moves
// focus into it when the keyboard opened it, and hands focus back on Escape. When it opens is
// decided elsewhere (intent.ts); what it shows is src/ui.

import { h, render } from 'preact';
import type { QuoteRef, TopicDetails } from '../core/corpus-types';
import { placeTooltip } from '../core/placement';
import { Tooltip, type TooltipState } from '../ui/Tooltip';
import { TOOLTIP_CSS } from '../ui/tooltip-styles';
import type { PageMention } from './mentions';
import { TOOLTIP_TAG } from './zones';

export interface TooltipHostOptions {
  doc: Document;
  /** Where a mention is on screen now; null once it has left the page. */
  rectOf: (mention: PageMention) => DOMRect | null;
  loadDetails: (topicId: string) => Promise<TopicDetails>;
  /** "Wrong match" on a mention (offered only when given, and not for checked statements). */
  onWrongMatch?: (mention: PageMention) => void;
  /** "Read in source" under a quote: the topic whose tooltip shows it, and the quote. */
  onOpenSource?: (topicId: string, quote: QuoteRef) => void;
  /** Called when the tooltip closes (the keyboard's place stops being shown). */
  onClose?: () => void;
  closeDelay?: number;
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
  open(mention: PageMention, options?: OpenOptions): void;
  close(restoreFocus?: boolean): void;
  /** Closes after the close delay unless the pointer comes back first. */
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

export function createTooltipHost(options: TooltipHostOptions): TooltipHost {
  const { doc, rectOf, loadDetails } = options;
  const win = doc.defaultView!;
  const closeDelay = options.closeDelay ?? CLOSE_DELAY;
  let host: HTMLElement | null = null;
  let panel: HTMLElement | null = null;
  let current: PageMention | null = null;
  let state: TooltipState = { kind: 'loading' };
  let closeTimer = 0;
  let returnTo: HTMLElement | null = null;
  let anchorElement: HTMLElement | null = null;
  let focusOnPaint = false;
  let restoringFocus = false;

  function ensureHost(): HTMLElement {
    if (host?.isConnected && panel) return panel;
    host = doc.createElement(TOOLTIP_TAG);
    host.setAttribute('data-annotation-tooltip', '');
    const root = host.attachShadow({ mode: 'open' });
    adoptStyles(root);
    panel = doc.createElement('div');
    panel.className = 'panel';
    root.append(panel);
    panel.addEventListener('mouseenter', cancelClose);
    panel.addEventListener('mouseleave', scheduleClose);
    (doc.body ?? doc.documentElement).after(host);
    return panel;
  }

  function adoptStyles(root: ShadowRoot): void {
    // Constructed sheets aren't subject to the page's style-src CSP; <style> is the fallback.
    try {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(TOOLTIP_CSS);
      root.adoptedStyleSheets = [sheet];
    } catch {
      const style = doc.createElement('style');
      style.textContent = TOOLTIP_CSS;
      root.append(style);
    }
  }

  function paint(): void {
    if (!current) return;
    const target = ensureHost();
    const mention = current;
    render(
      // Keyed by topic so one topic's expanded state never carries over to the next.
      h(Tooltip, {
        key: mention.head.id,
        head: mention.head,
        category: mention.category,
        alias: mention.alias,
        rule: mention.rule,
        check: mention.check,
        state,
        onClose: () => close(true),
        onWrongMatch: wrongMatch(mention),
        onOpenSource: openSource(mention),
      }),
      target,
    );
    position();
    if (focusOnPaint && current) target.querySelector<HTMLElement>('.card')?.focus({ preventScroll: true });
  }

  /** The tooltip closes at once; the mention's highlight goes when the report is applied. */
  function openSource(mention: PageMention): ((quote: QuoteRef) => void) | undefined {
    const open = options.onOpenSource;
    return open ? (quote) => open(mention.head.id, quote) : undefined;
  }

  function wrongMatch(mention: PageMention): (() => void) | undefined {
    const report = options.onWrongMatch;
    if (!report || mention.check) return undefined;
    return () => {
      close(false);
      report(mention);
    };
  }

  function position(): void {
    if (!current || !panel) return;
    const a = rectOf(current);
    const viewport = { width: win.innerWidth, height: win.innerHeight };
    if (!a || a.bottom < 0 || a.top > viewport.height) {
      close(false);
      return;
    }
    panel.style.maxHeight = '';
    const natural = { width: panel.offsetWidth, height: panel.offsetHeight };
    const place = placeTooltip({ top: a.top, left: a.left, width: a.width, height: a.height }, natural, viewport);
    panel.style.top = `${place.top}px`;
    panel.style.left = `${place.left}px`;
    panel.style.maxHeight = place.maxHeight === null ? '' : `${place.maxHeight}px`;
    panel.classList.add('open');
    panel.dataset.side = place.side;
  }

  function open(mention: PageMention, opts: OpenOptions = {}): void {
    cancelClose();
    if (opts.returnFocus) returnTo = opts.returnFocus instanceof win.HTMLElement ? opts.returnFocus : null; // null: opened from inside the tooltip, keep where focus came from
    anchorElement = opts.anchorElement ?? null;
    focusOnPaint = !!opts.focus;
    if (current === mention) {
      if (focusOnPaint) panel?.querySelector<HTMLElement>('.card')?.focus({ preventScroll: true });
      return;
    }
    current = mention;
    state = { kind: 'loading' };
    paint();
    const topicId = mention.head.id;
    loadDetails(topicId).then(
      (details) => {
        if (current !== mention) return;
        state = { kind: 'ready', details };
        paint();
      },
      (error: unknown) => {
        if (current !== mention) return;
        state = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
        paint();
      },
    );
  }

  function close(restoreFocus = false): void {
    cancelClose();
    const was = current;
    current = null;
    focusOnPaint = false;
    if (panel) {
      render(null, panel);
      panel.classList.remove('open');
    }
    const back = returnTo?.isConnected ? returnTo : anchorElement?.isConnected ? anchorElement : null;
    returnTo = null;
    anchorElement = null;
    if (restoreFocus && back) {
      restoringFocus = true;
      back.focus({ preventScroll: true });
      restoringFocus = false;
    } else if (restoreFocus && hasFocus()) (doc.activeElement as HTMLElement | null)?.blur();
    if (was) options.onClose?.();
  }

  function scheduleClose(): void {
    win.clearTimeout(closeTimer);
    closeTimer = win.setTimeout(() => close(false), closeDelay);
  }

  function cancelClose(): void {
    win.clearTimeout(closeTimer);
  }

  const hasFocus = () => !!host && doc.activeElement === host;

  const onKey = (e: Event) => {
    const key = (e as KeyboardEvent).key;
    if (!current) return;
    if (key === 'Escape') {
      close(hasFocus() || returnTo !== null);
    } else if (key === 'Enter' && anchorElement && doc.activeElement === anchorElement && panel) {
      // From a focused mark, Enter moves into the tooltip so its links and buttons can be reached.
      e.preventDefault();
      panel.querySelector<HTMLElement>('.card')?.focus();
    }
  };
  const onScroll = () => {
    if (current) position();
  };

  doc.addEventListener('keydown', onKey, true);
  win.addEventListener('scroll', onScroll, { capture: true, passive: true });
  win.addEventListener('resize', onScroll, { passive: true });

  return {
    open,
    close,
    scheduleClose,
    cancelClose,
    get current() {
      return current;
    },
    get element() {
      return host;
    },
    hasFocus,
    get restoringFocus() {
      return restoringFocus;
    },
    destroy() {
      close(false);
      doc.removeEventListener('keydown', onKey, true);
      win.removeEventListener('scroll', onScroll, { capture: true });
      win.removeEventListener('resize', onScroll);
      host?.remove();
      host = null;
      panel = null;
    },
  };
}
