// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FalseMatch } from '../../src/core/false-matches';
import { messagesFrom, setMessageSource, type MessagesJson } from '../../src/platform/i18n';
import { Options } from '../../src/ui/Options';
import { miniIndex } from '../core/mini-corpus';
import { type FakeExtension, fakeExtension } from '../support/extension-api';

const builtIn = miniIndex();
const SAMPLE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'packs', 'sample-pack.json'), 'utf8');

/** The options page over the shared fake extension's storage; `changeElsewhere` is another tab or page writing. */
const fakeApi = (stored: Record<string, unknown> = {}) => fakeExtension({ stored });

let container: HTMLElement;
let downloads: Array<{ name: string; text: string }>;

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
  downloads = [];
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 10))));
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(sel: string) => container.querySelector<T>(sel);
const $$ = (sel: string) => [...container.querySelectorAll<HTMLElement>(sel)];

async function open(fake: FakeExtension) {
  await act(() =>
    render(
      <Options
        api={fake.api}
        builtIn={builtIn}
        download={(name, t) => downloads.push({ name, text: t })}
        now={() => new Date('2025-03-04T05:06:07Z')}
      />,
      container,
    ),
  );
  await settle();
}

/** Chooses a file in the (hidden) file input, as the file chooser would. */
async function choose(content: string, name = 'pack.json') {
  const input = $<HTMLInputElement>('input[type="file"][data-import]')!;
  const file = new File([content], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
  await settle();
}

function brokenSample(): string {
  const p = JSON.parse(SAMPLE) as { topics: Array<{ facts: Array<{ quotes: Array<{ text: string }> }> }>; sources: Array<Record<string, unknown>> };
  p.topics[0]!.facts[0]!.quotes[0]!.text = 'a sentence the source never says';
  p.sources[0]!.date = 'someday';
  return JSON.stringify(p);
}

describe('Options: corpus packs', () => {
  it('starts empty', async () => {
    await open(fakeApi());
    expect(text($('[data-section="packs"] .empty'))).toBe('No packs installed.');
    expect(text($('[data-section="false-matches"] .empty'))).toBe('None reported.');
  });

  it('imports a valid pack, lists it with its topic count, and stores it in one write', async () => {
    const fake = fakeApi();
    await open(fake);
    await choose(SAMPLE, 'sample-pack.json');
    expect(text($('[data-outcome="accepted"]'))).toBe('Installed “Test fixture pack (fictional)”: 2 topics.');
    const row = $('[data-pack="test-fixture-pack"]')!;
    expect(text(row.querySelector('.pack-name'))).toBe('Test fixture pack (fictional)');
    expect(text(row.querySelector('.count'))).toBe('2 topics');
    expect(row.querySelector<HTMLInputElement>('input[data-pack-enabled]')!.checked).toBe(true);
    expect(text(row.querySelector('.meta'))).toMatch(/^Imported .*2025.* · version test-fixture-pack@[0-9a-f]{8}$/);
    expect(fake.localSaves).toHaveLength(1);
    expect(Object.keys(fake.localSaves[0]!).sort()).toEqual(['packFiles', 'packs']);
    expect(fake.local('packFiles')['test-fixture-pack']?.raw).toBe(SAMPLE);
  });

  it('rejects a broken pack with every error naming entry and field, and changes nothing', async () => {
    const fake = fakeApi();
    await open(fake);
    await choose(SAMPLE);
    const before = structuredClone([...fake.storage]);
    const saves = fake.localSaves.length;
    await choose(brokenSample().replace('test-fixture-pack', 'second-pack'), 'broken.json');
    const alert = $('[role="alert"][data-outcome="rejected"]')!;
    expect(text(alert.querySelector('p'))).toBe('“broken.json” was rejected. Nothing was changed. Fix every error below and import it again.');
    expect($$('[data-error]').map(text)).toEqual([
      'pack "second-pack" › sources[0] › date: "someday" is not YYYY, YYYY-MM or YYYY-MM-DD',
      'pack "second-pack" › topics › topic "lanternbury-harbour-accord" › facts[0].quotes[0].text: not found verbatim in source "backstory-test-fixture": "a sentence the source never says"',
      'pack "second-pack" › topics › topic "lanternbury-harbour-accord" › id: "lanternbury-harbour-accord" is already the id of topic "lanternbury-harbour-accord" of installed pack "test-fixture-pack"',
      'pack "second-pack" › topics › topic "lanternbury-harbour-accord" › aliases[0]: "Lanternbury Harbour Accord" is already an alias of topic "lanternbury-harbour-accord" of installed pack "test-fixture-pack"',
      'pack "second-pack" › topics › topic "lanternbury-harbour-accord" › aliases[1]: "Lanternbury Accord" is already an alias of topic "lanternbury-harbour-accord" of installed pack "test-fixture-pack"',
      'pack "second-pack" › topics › topic "port-vessick" › id: "port-vessick" is already the id of topic "port-vessick" of installed pack "test-fixture-pack"',
      'pack "second-pack" › topics › topic "port-vessick" › aliases[0]: "Port Vessick" is already an alias of topic "port-vessick" of installed pack "test-fixture-pack"',
    ]);
    expect(fake.localSaves).toHaveLength(saves);
    expect([...fake.storage]).toEqual(before);
    expect($$('[data-pack]').map((r) => r.getAttribute('data-pack'))).toEqual(['test-fixture-pack']);
  });

  it('refuses the same pack twice, but takes it through Update', async () => {
    const fake = fakeApi();
    await open(fake);
    await choose(SAMPLE);
    await act(() => $<HTMLInputElement>('input[data-pack-enabled]')!.click());
    await settle();
    await choose(SAMPLE);
    expect($$('[data-error]').map(text)).toEqual([
      'pack "test-fixture-pack" › pack.id: a pack "test-fixture-pack" is already installed; use its Update button to replace it',
    ]);
    const input = $<HTMLInputElement>('input[type="file"]')!;
    let clicked = 0;
    input.click = () => void clicked++;
    await act(() => $('[data-pack="test-fixture-pack"] [data-action="update"]')!.click());
    expect(clicked).toBe(1);
    await choose(SAMPLE.replace('"Test fixture pack (fictional)"', '"Test fixture pack, second edition"'));
    expect(text($('[data-outcome]'))).toBe('Updated “Test fixture pack, second edition”: 2 topics.');
    expect($$('[data-pack]')).toHaveLength(1);
    // An update keeps the pack's on/off state.
    expect($<HTMLInputElement>('input[data-pack-enabled]')!.checked).toBe(false);
  });

  it('switches a pack off and on, exports the file as imported, and removes it', async () => {
    const fake = fakeApi();
    await open(fake);
    await choose(SAMPLE);
    await act(() => $<HTMLInputElement>('input[data-pack-enabled="test-fixture-pack"]')!.click());
    await settle();
    expect(fake.local('packs')[0]?.enabled).toBe(false);
    await act(() => $<HTMLInputElement>('input[data-pack-enabled="test-fixture-pack"]')!.click());
    await settle();
    expect(fake.local('packs')[0]?.enabled).toBe(true);

    await act(() => $('[data-action="export"]')!.click());
    await settle();
    expect(downloads).toEqual([{ name: 'test-fixture-pack.backstory-pack.json', text: SAMPLE }]);

    await act(() => $('[data-action="remove"]')!.click());
    await settle();
    expect($$('[data-pack]')).toEqual([]);
    expect(fake.storage.get('packs')).toEqual([]);
    expect(fake.storage.get('packFiles')).toEqual({});
  });

  it('shows a storage failure and keeps the list as it was', async () => {
    const fake = fakeApi();
    fake.api.saveLocal = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    await open(fake);
    await choose(SAMPLE);
    expect(text($('[data-outcome="failed"]'))).toBe('Nothing was changed: QUOTA_BYTES quota exceeded');
    expect($$('[data-pack]')).toEqual([]);
  });

  it('follows changes made elsewhere, and reads corrupt storage as nothing installed', async () => {
    const fake = fakeApi({ packs: { corrupt: true }, packFiles: 'x', falseMatches: 12 });
    await open(fake);
    expect(text($('[data-section="packs"] .empty'))).toBe('No packs installed.');
    await choose(SAMPLE);
    const packs = fake.local('packs');
    await act(() => fake.changeElsewhere({ packs: [{ ...packs[0], enabled: false }] }));
    expect($<HTMLInputElement>('input[data-pack-enabled]')!.checked).toBe(false);
  });
});

describe('Options: wrong matches', () => {
  const reports: FalseMatch[] = [
    { site: 'example.com', alias: 'Shikotan', topicId: 'shikotan', at: '2025-01-01T00:00:00.000Z' },
    { site: 'news.example.org', alias: 'Abe', topicId: 'abe', at: '2025-01-02T00:00:00.000Z' },
    { site: 'example.com', alias: 'Port Vessick', topicId: 'port-vessick', at: '2025-01-03T00:00:00.000Z' },
  ];

  it('lists each with site, name and topic; removes one; clears all', async () => {
    const fake = fakeApi({ falseMatches: reports });
    await open(fake);
    const rows = () => $$('[data-false-match]').map((r) => [...r.querySelectorAll('td')].slice(0, 3).map(text));
    // A topic no longer installed is shown by its id.
    expect(rows()).toEqual([
      ['example.com', '“Shikotan”', 'shikotan'],
      ['news.example.org', '“Abe”', 'abe'],
      ['example.com', '“Port Vessick”', 'port-vessick'],
    ]);
    await act(() => $('[data-false-match="abe"] [data-action="remove-false-match"]')!.click());
    await settle();
    expect(rows().map((r) => r[1])).toEqual(['“Shikotan”', '“Port Vessick”']);
    expect(fake.local('falseMatches')).toEqual([reports[0], reports[2]]);
    await act(() => $('[data-action="clear"]')!.click());
    await settle();
    expect(rows()).toEqual([]);
    expect(fake.storage.get('falseMatches')).toEqual([]);
    expect(text($('[data-section="false-matches"] .empty'))).toBe('None reported.');
  });

  it('names pack topics by their name once the pack is installed', async () => {
    const fake = fakeApi({ falseMatches: [reports[2]] });
    await open(fake);
    await choose(SAMPLE);
    expect(text($('[data-false-match] td:nth-child(3)'))).toBe('Port Vessick (fictional)');
  });
});

describe('Options in Japanese', () => {
  afterEach(() => setMessageSource(null));

  it('shows the page’s own words in Japanese, and corpus text and errors as written', async () => {
    const ja = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '_locales', 'ja', 'messages.json'), 'utf8')) as MessagesJson;
    setMessageSource(messagesFrom(ja));
    const fake = fakeApi({ falseMatches: [{ site: 'example.com', alias: 'Shikotan', topicId: 'shikotan', at: '' }] });
    await open(fake);
    await choose(SAMPLE);
    expect(container.querySelector('main')?.getAttribute('lang')).toBe('ja');
    expect($$('h2').map(text)).toEqual(['表示', 'コーパスパック', '誤った一致']);
    expect(text($('[data-action="import"]'))).toBe('パックを読み込む…');
    expect(text($('[data-outcome]'))).toBe('「Test fixture pack (fictional)」をインストールしました：2 トピック。');
    expect(text($('[data-pack] .count'))).toBe('2 トピック');
    expect($$('[data-pack] .actions button').map(text)).toEqual(['書き出す', '更新…', '削除']);
    expect($$('th').map(text).slice(0, 3)).toEqual(['サイト', '語', 'トピック']);
  });
});
