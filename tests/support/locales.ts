// The extension's _locales catalogues as build.mjs bundles the page's own messages from them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessagesJson } from '../../src/platform/i18n';
import { type BundledMessages, pageMessagesOf } from '../../src/platform/page-messages';

const LOCALES = join(import.meta.dirname, '..', '..', '_locales');

/** Every language's whole messages.json, by folder name. */
export function catalogues(): BundledMessages {
  return Object.fromEntries(
    readdirSync(LOCALES).map((lang) => [lang, JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as MessagesJson]),
  );
}

/** What lazy/main.js carries: the page's keys of every language. */
export const pageCatalogues = (): BundledMessages => pageMessagesOf(catalogues());
