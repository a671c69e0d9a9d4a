// Everything a page that may name a topic needs, loaded by the first script (content/index.ts)
// once its gate says the page's text could hold a mention: the packed matcher (read from
// lazy/page-index.json), the walk, the scan and the painter. The tooltip UI and the <mark> painter
// load from lazy/ later, when the page needs them; topic details, the search of the page's text and
// the claim checks are the background's.

import type { PageIndex } from '../../core/corpus-types';
import { askingBackground } from '../../core/match-request';
import { createPackedMatcher } from '../../core/matcher';
import { contentApi } from '../../platform/content-api';
import { importExtensionModule, readExtensionJson } from '../../platform/extension-files';
import { uiLanguage } from '../../platform/i18n';
import { type BundledMessages, bundledMessages } from '../../platform/page-messages';
import { once, type LazyModules } from '../modules';
import { viewportReach } from '../reach';
import { startContentScript, type ContentScript } from '../start';

const modules: LazyModules = {
  ui: once(() => importExtensionModule('lazy/ui.js')),
  marks: once(() => importExtensionModule('lazy/marks.js')),
};

/** Where build.mjs writes the packed matcher and the topics' labels. */
const PAGE_INDEX = 'lazy/page-index.json';
/** The page's own messages in every language (build.mjs; platform/page-messages.ts). */
declare const BACKSTORY_PAGE_MESSAGES: BundledMessages;
/** The manifest's default_locale. */
const DEFAULT_LOCALE = 'en';

/** Where the running instance is kept, per document (content/index.ts owns the slot). */
export interface InstanceSlot {
  get(): ContentScript | undefined;
  set(instance: ContentScript): void;
}

/**
 * Starts Backstory on the page, unless another live instance took the slot while the index was
 * read (`waiting` is the first script's own placeholder, which this replaces).
 */
export async function start(slot: InstanceSlot, waiting: ContentScript): Promise<void> {
  const { matcher, ...index } = (await readExtensionJson(PAGE_INDEX)) as PageIndex;
  const current = slot.get();
  if (current !== waiting && current?.alive()) return;
  const reach = viewportReach(window);
  const messages = bundledMessages(BACKSTORY_PAGE_MESSAGES, uiLanguage(), DEFAULT_LOCALE);
  // The page's text is searched by the background; the page's own matcher answers what can't wait (match-request.ts).
  const asking = askingBackground(createPackedMatcher(matcher), (request) => contentApi.send('match:find', request), index.topics.length);
  slot.set(startContentScript({ api: contentApi, index, matcher: asking, doc: document, modules, reach, messages }));
}
