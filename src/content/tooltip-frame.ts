// The tooltip's frame in the page: one `backstory-tooltip` host outside <body> (the page contract
// leaves the body as parsed), an open shadow root with the tooltip's styles, and one panel the
// Preact tooltip renders into. Made on first use, and made again if the page removed it. Where
// the panel goes is tooltip-place.ts's; what it shows is src/ui.

import { render } from 'preact';
import { TOOLTIP_CSS } from '../ui/tooltip-styles';
import { TOOLTIP_TAG } from './zones';

export interface TooltipFrame {
  /** The panel, made on demand (again if the page removed the host). */
  panel(): HTMLElement;
  /** The panel if one was made; never makes one. */
  readonly built: HTMLElement | null;
  readonly host: HTMLElement | null;
  /** Whether focus is inside the tooltip. */
  hasFocus(): boolean;
  /** Moves focus to the tooltip's card (where its links and buttons begin), if it shows one. */
  focusCard(options?: FocusOptions): void;
  /** Takes the tooltip down from the panel and hides it. */
  empty(): void;
  remove(): void;
}

/** The pointer over the panel counts as over the tooltip: it keeps it open, and leaving it starts the close delay. */
export interface PointerHooks {
  enter(): void;
  leave(): void;
}

function adoptStyles(doc: Document, root: ShadowRoot): void {
  // Constructed sheets aren't subject to the page's style-src CSP; <style> is the fallback.
  try {
    const sheet = new doc.defaultView!.CSSStyleSheet();
    sheet.replaceSync(TOOLTIP_CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = TOOLTIP_CSS;
    root.append(style);
  }
}

export function createTooltipFrame(doc: Document, pointer: PointerHooks): TooltipFrame {
  let host: HTMLElement | null = null;
  let panel: HTMLElement | null = null;

  function build(): HTMLElement {
    if (host?.isConnected && panel) return panel;
    host = doc.createElement(TOOLTIP_TAG);
    host.setAttribute('data-annotation-tooltip', '');
    const root = host.attachShadow({ mode: 'open' });
    adoptStyles(doc, root);
    panel = doc.createElement('div');
    panel.className = 'panel';
    root.append(panel);
    panel.addEventListener('mouseenter', pointer.enter);
    panel.addEventListener('mouseleave', pointer.leave);
    (doc.body ?? doc.documentElement).after(host);
    return panel;
  }

  return {
    panel: build,
    get built() {
      return panel;
    },
    get host() {
      return host;
    },
    hasFocus: () => !!host && doc.activeElement === host,
    focusCard: (options) => panel?.querySelector<HTMLElement>('.card')?.focus(options),
    empty() {
      if (!panel) return;
      render(null, panel);
      panel.classList.remove('open');
    },
    remove() {
      host?.remove();
      host = null;
      panel = null;
    },
  };
}
