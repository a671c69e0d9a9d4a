// The tooltip's host: one element with an open shadow root, created on first use. It decides
// when the tooltip opens and closes (hover intent, keyboard focus, Escape, scrolling away) and
// where it goes; what it shows is the Preact component in src/ui.

import { h, render } from 'preact';
import type { Category, TopicDetails, TopicHead } from '../core/corpus-types';
import type { Verdict } from '../core/claims';
import type { MatchRule } from '../core/matcher';
import { placeTooltip } from '../core/placement';
import { Tooltip, type TooltipState } from '../ui/Tooltip';
import { TOOLTIP_CSS } from '../ui/tooltip-styles';
import { TOOLTIP_TAG } from './zones';

export interface MentionInfo {
  head: TopicHead;
  category: Category | undefined;
  alias: string;
  rule: MatchRule;
  /** The mention's first <mark>: the tooltip is placed beside it and focus returns to it. */
  anchor: HTMLElement;
  /** For a statement checked against the sources: the verdict and the claims it was held to. */
  check?: { verdict: Verdict; claims: number[]; stated: string };
}

export interface TooltipHostOptions {
  doc: Document;
  /** The mention a page element belongs to, if it is one of our marks. */
  mentionOf: (el: Element) => MentionInfo | undefined;
  loadDetails: (topicId: string) => Promise<TopicDetails>;
  /** "Wrong match" on a mention (offered only when given, and not for checked statements). */
  onWrongMatch?: (mention: MentionInfo) => void;
  /** Hover intent delay before opening, ms. */
  openDelay?: number;
  closeDelay?: number;
}

export interface TooltipHost {
  /** Opens beside a mention; Escape then returns focus to `returnFocus` when given. */
  open(mention: MentionInfo, options?: { returnFocus?: Element | null }): void;
  close(): void;
  readonly current: MentionInfo | null;
  destroy(): void;
}

export const OPEN_DELAY = 250;
export const CLOSE_DELAY = 300;

export function createTooltipHost(options: TooltipHostOptions): TooltipHost {
  const { doc, mentionOf, loadDetails } = options;
  const win = doc.defaultView!;
  const openDelay = options.openDelay ?? OPEN_DELAY;
  const closeDelay = options.closeDelay ?? CLOSE_DELAY;
  let host: HTMLElement | null = null;
  let panel: HTMLElement | null = null;
  let current: MentionInfo | null = null;
  let state: TooltipState = { kind: 'loading' };
  let openTimer = 0;
  let closeTimer = 0;
  let pendingAnchor: HTMLElement | null = null;
  /** Focus we hand back to a mention on close must not open its tooltip again. */
  let returningFocusTo: HTMLElement | null = null;
  /** Where focus was before a keyboard shortcut brought the reader here. */
  let returnTo: HTMLElement | null = null;

  function ensureHost(): HTMLElement {
    if (host?.isConnected && panel) return panel;
    host = doc.createElement(TOOLTIP_TAG);
    host.setAttribute('data-annotation-tooltip', '');
    const root = host.attachShadow({ mode: 'open' });
    adoptStyles(root);
    panel = doc.createElement('div');
    panel.className = 'panel';
    root.append(panel);
    panel.addEventListener('mouseenter', () => win.clearTimeout(closeTimer));
    panel.addEventListener('mouseleave', () => scheduleClose());
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
      h(Tooltip, { key: mention.head.id, head: mention.head, category: mention.category, alias: mention.alias, rule: mention.rule, check: mention.check, state, onClose: () => close(true), onWrongMatch: wrongMatch(mention) }),
      target,
    );
    position();
  }

  /** The tooltip closes at once; the mention's highlight goes when the report is applied. */
  function wrongMatch(mention: MentionInfo): (() => void) | undefined {
    const report = options.onWrongMatch;
    if (!report || mention.check) return undefined;
    return () => {
      close(false);
      report(mention);
    };
  }

  function position(): void {
    if (!current || !panel) return;
    const a = current.anchor.getBoundingClientRect();
    const viewport = { width: win.innerWidth, height: win.innerHeight };
    if (!current.anchor.isConnected || a.bottom < 0 || a.top > viewport.height) {
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

  function open(mention: MentionInfo, options: { returnFocus?: Element | null } = {}): void {
    win.clearTimeout(openTimer);
    win.clearTimeout(closeTimer);
    if (options.returnFocus !== undefined) returnTo = options.returnFocus instanceof win.HTMLElement ? options.returnFocus : null;
    if (current?.anchor === mention.anchor) return;
    current = mention;
    state = { kind: 'loading' };
    paint();
    const topicId = mention.head.id;
    loadDetails(topicId).then(
      (details) => {
        if (current?.head.id !== topicId) return;
        state = { kind: 'ready', details };
        paint();
      },
      (error: unknown) => {
        if (current?.head.id !== topicId) return;
        state = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
        paint();
      },
    );
  }

  function close(restoreFocus = false): void {
    win.clearTimeout(openTimer);
    win.clearTimeout(closeTimer);
    const was = current;
    current = null;
    if (panel) {
      render(null, panel);
      panel.classList.remove('open');
    }
    const back = returnTo?.isConnected ? returnTo : was?.anchor;
    returnTo = null;
    if (restoreFocus && back?.isConnected) {
      returningFocusTo = back;
      back.focus({ preventScroll: true });
      returningFocusTo = null;
    }
  }

  function scheduleClose(): void {
    win.clearTimeout(closeTimer);
    closeTimer = win.setTimeout(() => close(false), closeDelay);
  }

  const focusInTooltip = () => doc.activeElement === host;

  // Events are delegated to the document, so any number of marks costs no listener each.
  const onOver = (e: Event) => {
    const el = e.target instanceof win.Element ? e.target : null;
    if (!el) return;
    if (el === host) {
      win.clearTimeout(closeTimer);
      return;
    }
    const mention = mentionOf(el);
    if (!mention) return;
    win.clearTimeout(closeTimer);
    if (current?.anchor === mention.anchor) return;
    win.clearTimeout(openTimer);
    pendingAnchor = mention.anchor;
    openTimer = win.setTimeout(() => {
      if (pendingAnchor === mention.anchor) open(mention);
    }, openDelay);
  };
  const onOut = (e: Event) => {
    const el = e.target instanceof win.Element ? e.target : null;
    if (!el || !mentionOf(el)) return;
    const to = (e as MouseEvent).relatedTarget;
    if (to instanceof win.Element && mentionOf(to)?.anchor === mentionOf(el)?.anchor) return;
    pendingAnchor = null;
    win.clearTimeout(openTimer);
    if (current && !focusInTooltip()) scheduleClose();
  };
  const onFocusIn = (e: Event) => {
    const el = e.target instanceof win.Element ? e.target : null;
    const mention = el ? mentionOf(el) : undefined;
    if (el && el === returningFocusTo) return;
    if (mention) open(mention);
    else if (el !== host && current) close(false);
  };
  const onKey = (e: Event) => {
    const key = (e as KeyboardEvent).key;
    if (!current) return;
    if (key === 'Escape') {
      close(focusInTooltip() || returnTo !== null);
    } else if (key === 'Enter' && doc.activeElement === current.anchor && panel) {
      // From a focused mention, Enter moves into the tooltip so its links and buttons can be reached.
      e.preventDefault();
      panel.querySelector<HTMLElement>('.card')?.focus();
    }
  };
  const onScroll = () => {
    if (current) position();
  };

  doc.addEventListener('mouseover', onOver, true);
  doc.addEventListener('mouseout', onOut, true);
  doc.addEventListener('focusin', onFocusIn, true);
  doc.addEventListener('keydown', onKey, true);
  win.addEventListener('scroll', onScroll, { capture: true, passive: true });
  win.addEventListener('resize', onScroll, { passive: true });

  return {
    open,
    close: () => close(false),
    get current() {
      return current;
    },
    destroy() {
      close(false);
      doc.removeEventListener('mouseover', onOver, true);
      doc.removeEventListener('mouseout', onOut, true);
      doc.removeEventListener('focusin', onFocusIn, true);
      doc.removeEventListener('keydown', onKey, true);
      win.removeEventListener('scroll', onScroll, { capture: true });
      win.removeEventListener('resize', onScroll);
      host?.remove();
      host = null;
      panel = null;
    },
  };
}
