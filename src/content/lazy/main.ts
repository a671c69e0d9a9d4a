// Everything a page that may name a topic needs, loaded by the first script (content/index.ts)
// once its gate says the page's text could hold a mention: the topics' labels (built in), the
// walk, the scan and the painter. The page's text is searched by the background; the page's own
// packed matcher (lazy/page-index.json) is read only when the page must search there
// (match-request.ts). The tooltip UI and the <mark> painter load from lazy/ later, when the page
// needs them; topic details and the claim checks are the background's.

import type { PageIndex, TopicIndex } from '../../core/corpus-types';
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

/** Where build.mjs writes the packed matcher (with the topics' labels, which the page has built in). */
const PAGE_INDEX = 'lazy/page-index.json';
/** The topics' labels, categories and claims (build.mjs): built in, so a page starts without reading a file. */
declare const BACKSTORY_TOPIC_INDEX: TopicIndex;
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
 * Starts Backstory on the page, unless another live instance took the slot while this module was
 * loaded (`waiting` is the first script's own placeholder, which this replaces).
 */
export function start(slot: InstanceSlot, waiting: ContentScript): void {
  const current = slot.get();
  if (current !== waiting && current?.alive()) return;
  const index = BACKSTORY_TOPIC_INDEX;
  const reach = viewportReach(window);
  const messages = bundledMessages(BACKSTORY_PAGE_MESSAGES, uiLanguage(), DEFAULT_LOCALE);
  const local = async () => createPackedMatcher(((await readExtensionJson(PAGE_INDEX)) as PageIndex).matcher);
  const matcher = askingBackground({ ask: (request) => contentApi.send('match:find', request), local, topics: index.topics.length });
  slot.set(startContentScript({ api: contentApi, index, matcher, doc: document, modules, reach, messages }));
}
