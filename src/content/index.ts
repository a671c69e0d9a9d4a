// Content script entry: runs on every http(s) page, so it holds only what every page needs: the
// packed matcher, the walk, the scan and the painter. The tooltip UI, the claim checker and the
// <mark> painter load from lazy/ when a page needs them; topic details come from the background.

import pageIndex from '../../build/generated/page-index.js';
import type { PageIndex } from '../core/corpus-types';
import { createPackedMatcher } from '../core/matcher';
import { contentApi, importExtensionModule } from '../platform/content-api';
import { once, type LazyModules } from './modules';
import { startContentScript, type ContentScript } from './start';

// Pages can be injected twice (an update or reload of the extension, bfcache): one live instance
// per document; one whose extension is gone gives way.
const FLAG = '__backstoryContentScript';
const scope = globalThis as unknown as Record<string, ContentScript | undefined>;

/** Frames of the page's own origin are part of what the reader reads; ads and embeds aren't. */
function isTopOrSameOriginFrame(): boolean {
  try {
    // Reading the parent's document throws across origins; srcdoc and about:blank frames inherit it.
    return window.top === window || !!window.parent.document.documentElement;
  } catch {
    return false;
  }
}

const modules: LazyModules = {
  ui: once(() => importExtensionModule('lazy/ui.js')),
  claims: once(() => importExtensionModule('lazy/claims.js')),
  marks: once(() => importExtensionModule('lazy/marks.js')),
};

const running = scope[FLAG];
if (!running?.alive() && document.documentElement instanceof HTMLElement && isTopOrSameOriginFrame()) {
  running?.stop();
  const { matcher, ...index } = pageIndex as PageIndex;
  scope[FLAG] = startContentScript({ api: contentApi, index, matcher: createPackedMatcher(matcher), doc: document, modules });
}
