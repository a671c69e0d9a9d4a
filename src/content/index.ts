// Content script entry: runs on every http(s) page. Only the compiled matcher index is bundled
// here; tooltip details come from the background when a tooltip first opens.

import pageIndex from '../../build/generated/page-index.json';
import type { PageIndex } from '../core/corpus-types';
import { createPackedMatcher } from '../core/matcher';
import { browserApi } from '../platform/browser-api';
import { startContentScript } from './start';

// Pages can be injected twice (extension reload, bfcache); one instance per document.
const FLAG = '__backstoryContentScript';
const scope = globalThis as unknown as Record<string, unknown>;

/** Frames of the page's own origin are part of what the reader reads; ads and embeds aren't. */
function isTopOrSameOriginFrame(): boolean {
  try {
    // Reading the parent's document throws across origins; srcdoc and about:blank frames inherit it.
    return window.top === window || !!window.parent.document.documentElement;
  } catch {
    return false;
  }
}

if (!scope[FLAG] && document.documentElement instanceof HTMLElement && isTopOrSameOriginFrame()) {
  scope[FLAG] = true;
  const { matcher, ...index } = pageIndex as PageIndex;
  startContentScript(browserApi, index, createPackedMatcher(matcher), document);
}
