// Content script entry: runs on every http(s) page, so it holds only what every page needs: the
// walk, the scan and the painter. The packed matcher is read from lazy/page-index.json; the
// tooltip UI, the claim checker and the <mark> painter load from lazy/ when a page needs them;
// topic details come from the background.

import type { PageIndex } from '../core/corpus-types';
import { createPackedMatcher } from '../core/matcher';
import { contentApi, importExtensionModule, readExtensionJson } from '../platform/content-api';
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

/** Where build.mjs writes the packed matcher and the topics' labels. */
const PAGE_INDEX = 'lazy/page-index.json';

async function start(): Promise<void> {
  const { matcher, ...index } = (await readExtensionJson(PAGE_INDEX)) as PageIndex;
  // Another injection may have started meanwhile.
  if (scope[FLAG]?.alive()) return;
  scope[FLAG] = startContentScript({ api: contentApi, index, matcher: createPackedMatcher(matcher), doc: document, modules });
}

const running = scope[FLAG];
if (!running?.alive() && document.documentElement instanceof HTMLElement && isTopOrSameOriginFrame()) {
  running?.stop();
  // Without its index (a broken install) Backstory stays off; the page is never affected.
  start().catch(() => undefined);
}
