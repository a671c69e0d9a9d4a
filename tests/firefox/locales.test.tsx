// @vitest-environment happy-dom
// The UI in English and Japanese (_locales/): both locales carry the same messages with the same
// placeholders, the store texts fit the stores, and the popup and tooltip render in Japanese with no
// English chrome left. (These checks concern both browsers; they run with the publishing checks.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Category, TopicDetails } from '../../src/core/corpus-types';
import { messagesFrom, setMessageSource, type MessagesJson } from '../../src/platform/i18n';
import { Popup, type PopupApi } from '../../src/ui/Popup';
import { Tooltip } from '../../src/ui/Tooltip';
import { fakeExtension } from '../support/extension-api';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as MessagesJson;
const en = read('_locales/en/messages.json');
const ja = read('_locales/ja/messages.json');
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Record<string, unknown>;

const placeholdersOf = (m: MessagesJson[string]) =>
  Object.keys(m.placeholders ?? {})
    .map((k) => k.toLowerCase())
    .sort();
const usedIn = (m: MessagesJson[string]) => [...m.message.matchAll(/\$([a-z0-9_@]+)\$/gi)].map((x) => x[1]!.toLowerCase()).sort();
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('locales', () => {
  it('has every English message in Japanese, with the same placeholders, all of them used', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [key, m] of Object.entries(en)) {
      const jm = ja[key]!;
      expect(placeholdersOf(jm), key).toEqual(placeholdersOf(m));
      expect([...new Set(usedIn(m))], `${key} (en)`).toEqual(placeholdersOf(m));
      expect([...new Set(usedIn(jm))], `${key} (ja)`).toEqual(placeholdersOf(jm));
      for (const [name, p] of Object.entries(m.placeholders ?? {})) expect(jm.placeholders?.[name]?.content, `${key}.${name}`).toBe(p.content);
    }
  });

  it('translates every message but the name into Japanese', () => {
    expect(ja.languageTag?.message).toBe('ja');
    expect(en.languageTag?.message).toBe('en');
    for (const [key, m] of Object.entries(ja)) {
      if (key === 'extensionName' || key === 'languageTag') continue;
      expect(m.message, key).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it('names and describes the extension through the messages, within the stores’ limits', () => {
    expect(manifest.default_locale).toBe('en');
    for (const field of ['name', 'description']) {
      const key = /^__MSG_(\w+)__$/.exec(String(manifest[field]))?.[1];
      expect(key, field).toBeTruthy();
      expect(en[key!], field).toBeTruthy();
    }
    // The Chrome Web Store refuses a description over 132 characters, and a name over 75.
    for (const locale of [en, ja]) {
      expect([...locale.extensionDescription!.message].length).toBeLessThanOrEqual(132);
      expect([...locale.extensionName!.message].length).toBeLessThanOrEqual(75);
    }
  });

  it('formats placeholders the way the browser does', () => {
    const m = messagesFrom(en);
    expect(m.message('popupTotal', [m.message('popupMentionsOther', '5'), m.message('popupTopicsOne', '1')])).toBe(
      '5 mentions of 1 topic on this page',
    );
    expect(m.message('tooltipMatched', 'a $1 b $$')).toBe('Matched “a $1 b $$”');
    expect(m.message('no-such-key')).toBe('');
  });
});

describe('the UI in Japanese', () => {
  let container: HTMLElement;
  beforeEach(() => {
    setMessageSource(messagesFrom(ja));
    container = document.createElement('div');
    document.body.appendChild(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
    setMessageSource(null);
  });

  const categories: Category[] = [{ id: 'places', label: 'Territories and places', color: '#2f7d5b' }];

  it('shows the popup in Japanese', async () => {
    const fake = fakeExtension({ activeTab: 1 });
    fake.page(1, {
      'page:status': () => ({
        site: 'example.com',
        active: true,
        counts: { total: 5, conflicts: 0, byCategory: { places: 5 }, byTopic: { a: 3, b: 2 } },
        found: [],
        skipped: 0,
        unshown: 0,
        mode: 'highlights',
      }),
    });
    const api: PopupApi = fake.api;
    await act(() => render(<Popup api={api} categories={categories} corpusVersion="abc123" topicCount={87} />, container));
    for (let i = 0; i < 3; i++) await act(async () => void (await new Promise((r) => setTimeout(r, 0))));

    expect(container.querySelector('main')?.getAttribute('lang')).toBe('ja');
    expect(text(container.querySelector('.tagline'))).toBe('日露領土問題の背景を、出典とともに');
    expect(text(container.querySelector('.total'))).toBe('このページに 2 トピック、計 5 か所');
    const site = container.querySelector('input[data-site]')!.closest('label')!;
    expect(text(site)).toBe('example.com で表示');
    expect(text(site.querySelector('strong'))).toBe('example.com');
    expect(text(container.querySelector('h2'))).toBe('カテゴリー');
    // The count is read out through the hidden label beside it (a <span> can't carry aria-label).
    expect(container.querySelector('.count + .sr-only')?.textContent ?? null).toBe('このページに 5 か所');
    // The shared fake can open the options page, so the footer has its link too.
    const footer = container.querySelector('footer')!;
    expect(text(footer.querySelector('.options-link'))).toBe('自分のパックと誤一致の管理…');
    expect(footer.lastChild?.textContent?.trim()).toBe('同梱の出典にもとづく 87 トピック · コーパス abc123 · データはブラウザーの外に出ません');
    // The category labels are corpus text and stay as written.
    expect(text(container.querySelector('.cat-name'))).toBe('Territories and places');
  });

  it('shows the tooltip chrome in Japanese, and the corpus as written', async () => {
    const quote = { source: 's', text: 'A verbatim quote.' };
    const details: TopicDetails = {
      category: categories[0]!,
      corpusVersion: 'abc123',
      sources: { s: { id: 's', title: 'A title', publisher: 'RUSI', author: null, date: '2022', dateText: '2022', language: 'en', url: null } },
      topic: {
        id: 'shikotan',
        name: 'Shikotan',
        category: 'places',
        aliases: ['Shikotan'],
        summary: 'An island.',
        names: [{ name: 'Shikotan', usedBy: 'Japan', quotes: [quote] }],
        facts: [1, 2, 3, 4].map((n) => ({ text: `Fact ${n}`, quotes: [quote] })),
        viewpoints: [
          { holder: 'Japan', position: 'Japanese.', quotes: [quote] },
          { holder: 'Russia', position: 'Russian.', quotes: [quote] },
        ],
        discrepancies: [{ about: 'Dates', note: 'They differ.', quotes: [quote] }],
      },
    };
    const head = { id: 'shikotan', name: 'Shikotan', category: 'places' };
    await act(() =>
      render(
        <Tooltip head={head} category={categories[0]} alias="Shikotan" rule="context" state={{ kind: 'ready', details }} onClose={() => undefined} />,
        container,
      ),
    );
    expect([...container.querySelectorAll('h3')].map(text)).toEqual(['呼び名の違い', '主な事実', '見解', '出典によって食い違う点']);
    expect(text(container.querySelector('button.more'))).toBe('事実を 4 件すべて表示');
    expect(container.querySelector('button.close')?.getAttribute('aria-label')).toBe('閉じる');
    expect([...container.querySelectorAll('footer span')].map(text)).toEqual([
      '「Shikotan」に一致（近くに日露関係の文脈あり）',
      '引用は原文どおり · コーパス abc123',
    ]);
    expect(text(container.querySelector('.summary'))).toBe('An island.');

    await act(() =>
      render(
        <Tooltip head={head} category={categories[0]} alias="Shikotan" rule="alias" state={{ kind: 'loading' }} onClose={() => undefined} />,
        container,
      ),
    );
    expect(text(container.querySelector('.status'))).toBe('出典を読み込んでいます…');
  });
});
