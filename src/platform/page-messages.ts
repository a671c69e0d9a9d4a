// The few messages the content script says itself (the screen-reader summary), bundled into
// lazy/main.js in every language by build.mjs. The browser's i18n.getMessage would load the
// whole message catalogue over a synchronous call the first time a page asks (1–16 ms of a
// blocked main thread in Chromium, measured on every fresh page); getUILanguage costs nothing.

import { type MessagesJson, messagesFrom } from './i18n';

/** The keys bundled; the page's own messages can't ask for any other. */
export const PAGE_MESSAGE_KEYS = ['liveSummary', 'liveOff'] as const;
export type PageMessageKey = (typeof PAGE_MESSAGE_KEYS)[number];

export interface PageMessages {
  message(key: PageMessageKey, substitutions?: string | string[]): string;
}

/** Each bundled language's messages (e.g. `en`, `ja`, `pt_BR`, as _locales/ names them). */
export type BundledMessages = Record<string, MessagesJson>;

/**
 * As the browser picks a catalogue: the language with its region, then the language alone, then
 * the default. (Firefox picks the rest of the UI's from its whole list of languages, where
 * getUILanguage gives the first: a German Firefox with Japanese as its second language shows the
 * popup in Japanese, and the page says its summary in English.)
 */
export function bundledMessages(bundle: BundledMessages, uiLanguage: string, fallback: string): PageMessages {
  const [language = '', region] = uiLanguage.replace('-', '_').split('_');
  const picked = (region && bundle[`${language}_${region.toUpperCase()}`]) || bundle[language.toLowerCase()] || bundle[fallback] || {};
  return messagesFrom(picked);
}

/** The bundle for build.mjs: the page's keys out of each language's messages.json (placeholders kept, descriptions not). */
export function pageMessagesOf(catalogues: BundledMessages): BundledMessages {
  return Object.fromEntries(
    Object.entries(catalogues).map(([lang, all]) => [
      lang,
      Object.fromEntries(PAGE_MESSAGE_KEYS.flatMap((k) => (all[k] ? [[k, { message: all[k].message, placeholders: all[k].placeholders }]] : []))),
    ]),
  );
}
