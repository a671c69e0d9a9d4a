// One polite status line for screen readers ("12 topics annotated"), instead of an announcement
// per highlight. Where the browser has `ariaNotify` (Chromium, Firefox 153), the announcement goes
// straight to the accessibility API and nothing is added to the page: any new box in the page
// makes the browser repaint all of it, 60–80 ms on a 60,000-cell table. Older browsers get a live
// region in its own small shadow root, so page styles can't show or hide it.

import type { PageMessages } from '../platform/page-messages';

export interface LiveRegion {
  /** Says how many topics the page names. */
  summary(topics: number): void;
  /** Says annotations were turned off on this page. */
  off(): void;
  destroy(): void;
}

interface Voice {
  announce(message: string): void;
  destroy(): void;
}

type NotifyingDocument = Document & { ariaNotify?(message: string, options?: { priority?: 'normal' | 'high' }): void };

export function createLiveRegion(doc: Document, messages: PageMessages): LiveRegion {
  const voice = voiceOf(doc);
  return {
    summary: (topics) => voice.announce(messages.message('liveSummary', String(topics))),
    off: () => voice.announce(messages.message('liveOff')),
    destroy: () => voice.destroy(),
  };
}

function voiceOf(doc: Document): Voice {
  const notifying = doc as NotifyingDocument;
  if (typeof notifying.ariaNotify === 'function') {
    return {
      announce: (message) => notifying.ariaNotify?.(message, { priority: 'normal' }),
      destroy: () => undefined,
    };
  }
  let host: HTMLElement | null = null;
  let region: HTMLElement | null = null;
  return {
    announce(message) {
      if (!host?.isConnected) {
        host = doc.createElement('backstory-status');
        host.style.cssText =
          'position:fixed!important;width:1px!important;height:1px!important;overflow:hidden!important;clip-path:inset(50%)!important;';
        const root = host.attachShadow({ mode: 'open' });
        region = doc.createElement('div');
        region.setAttribute('role', 'status');
        region.setAttribute('aria-live', 'polite');
        root.append(region);
        (doc.body ?? doc.documentElement).after(host);
      }
      // A change of text is what screen readers announce.
      if (region) region.textContent = message;
    },
    destroy() {
      host?.remove();
      host = null;
      region = null;
    },
  };
}
