// The content script's own messages (the screen-reader summary) come bundled, not from the
// browser's i18n API: they must read as the browser's own catalogue would, in the language the
// browser would pick.
import { describe, expect, it } from 'vitest';
import { messagesFrom } from '../../src/platform/i18n';
import { bundledMessages, PAGE_MESSAGE_KEYS, pageMessagesOf } from '../../src/platform/page-messages';
import { catalogues, pageCatalogues } from '../support/locales';

describe('the page’s bundled messages', () => {
  it('carry every key the page says, in every language, as the whole catalogue words it', () => {
    const all = catalogues();
    const bundled = pageCatalogues();
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(all).sort());
    for (const [lang, messages] of Object.entries(all)) {
      const page = bundledMessages(bundled, lang, 'en');
      for (const key of PAGE_MESSAGE_KEYS) {
        expect(messages[key], `${lang}: ${key}`).toBeTruthy();
        expect(page.message(key, '7')).toBe(messagesFrom(messages).message(key, '7'));
      }
    }
  });

  it('carry nothing else (the page is sent only its own few lines)', () => {
    for (const messages of Object.values(pageCatalogues())) expect(Object.keys(messages).sort()).toEqual([...PAGE_MESSAGE_KEYS].sort());
  });

  it('pick the language as the browser does: with its region, then alone, then the default', () => {
    const bundle = pageMessagesOf({
      en: { liveOff: { message: 'off' } },
      pt: { liveOff: { message: 'desligado' } },
      pt_BR: { liveOff: { message: 'desligado (BR)' } },
      ja: { liveOff: { message: 'オフ' } },
    });
    const said = (ui: string) => bundledMessages(bundle, ui, 'en').message('liveOff');
    expect(said('pt-BR')).toBe('desligado (BR)');
    expect(said('pt_BR')).toBe('desligado (BR)');
    expect(said('pt-PT')).toBe('desligado');
    expect(said('ja')).toBe('オフ');
    expect(said('JA-jp')).toBe('オフ');
    expect(said('fr-FR')).toBe('off');
    expect(said('')).toBe('off');
  });
});
