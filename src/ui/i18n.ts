// The UI's words, from _locales/ through the browser (English and Japanese so far). Keys are
// checked at compile time against the English messages, the default locale.

import type { ComponentChildren } from 'preact';
import type english from '../../_locales/en/messages.json';
import { i18n } from '../platform/i18n';

export type MessageKey = keyof typeof english;

/** The message in the UI's language, with $1…$9 filled from `substitutions`. */
export function t(key: MessageKey, substitutions?: string | number | Array<string | number>): string {
  const subs = substitutions === undefined ? undefined : Array.isArray(substitutions) ? substitutions.map(String) : String(substitutions);
  return i18n.message(key, subs);
}

/** Like t, for a message with markup in it: each substitution may be an element (e.g. <strong>). */
export function tWith(key: MessageKey, ...parts: ComponentChildren[]): ComponentChildren[] {
  // Private-use characters stand in for the parts, then the text is cut around them.
  const markers = parts.map((_, i) => String.fromCharCode(0xe000 + i));
  return t(key, markers)
    .split(/([\ue000-\ue008])/)
    .filter((piece) => piece !== '')
    .map((piece) => {
      const i = piece.length === 1 ? piece.charCodeAt(0) - 0xe000 : -1;
      return i >= 0 && i < parts.length ? parts[i] : piece;
    });
}

/**
 * The language of the messages shown, for `lang` attributes (so Japanese text gets Japanese
 * glyphs). Read from the messages themselves: Chromium may show a translation other than its
 * reported UI language (e.g. with LANGUAGE=ja on Linux).
 */
export const uiLanguage = (): string => t('languageTag') || 'en';
