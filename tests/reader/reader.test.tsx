// @vitest-environment happy-dom
// The reader page: which document an address opens (bundled, or the reader's own pack), where the
// quote is in it, and what the page shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../src/core/corpus-types';
import type { LocalData } from '../../src/core/local-data';
import { PACK_FILES_KEY, PACKS_KEY, readPack } from '../../src/core/packs';
import { loadReader, type ReaderApi } from '../../src/reader/load';
import { Reader, type ReaderState } from '../../src/ui/Reader';
import { miniIndex } from '../core/mini-corpus';
import { fakeExtension } from '../support/extension-api';

const bundled: SourceDocument = {
  id: 'rusi-brown-2022',
  title: 'A bundled report',
  publisher: 'RUSI',
  author: 'James D.J. Brown',
  date: '2022',
  dateText: '2022',
  language: 'en',
  url: null,
  text: 'Opening words.\n\nAbe and Putin met in Singapore\n  in November 2018 and agreed to speed up talks.\n\nClosing words.',
};

const PACK = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'packs', 'sample-pack.json'), 'utf8');

/** The reader page's view of the shared fake extension: two bundled files, and `local` in storage. */
function api(local: Partial<LocalData> = {}): ReaderApi {
  const bundledFiles = { 'details/singapore-summit-2018.json': { topic: {} }, 'sources/rusi-brown-2022.json': bundled };
  return fakeExtension({ stored: local, bundled: bundledFiles }).api;
}

function installed(enabled = true): Partial<LocalData> {
  const r = readPack(PACK, { fileName: 'pack.json', builtIn: miniIndex(), installed: [] });
  if (!r.ok) throw new Error('fixture pack rejected');
  return { [PACKS_KEY]: [{ ...r.pack, enabled }], [PACK_FILES_KEY]: { [r.pack.id]: r.files } } as Partial<LocalData>;
}

describe('loadReader', () => {
  it('opens a built-in topic’s quote in the bundled source, at the quote', async () => {
    const state = await loadReader(
      api(),
      { topicId: 'singapore-summit-2018', sourceId: 'rusi-brown-2022', quote: 'Abe and Putin met in Singapore in November 2018' },
      'c0ffee12',
    );
    expect(state.kind).toBe('ready');
    if (state.kind !== 'ready') return;
    expect(state.origin).toEqual({ kind: 'bundled', corpusVersion: 'c0ffee12' });
    expect(state.document.text.slice(state.quote!.start, state.quote!.end)).toBe('Abe and Putin met in Singapore\n  in November 2018');
  });

  it('opens an own pack’s quote in the pack’s own text, and not once the pack is off', async () => {
    const target = { topicId: 'lanternbury-harbour-accord', sourceId: 'backstory-test-fixture', quote: 'signed the accord on 3 May 2001' };
    const state = await loadReader(api(installed()), target, 'c0ffee12');
    expect(state.kind).toBe('ready');
    if (state.kind !== 'ready') return;
    expect(state.origin).toEqual({ kind: 'pack', packName: 'Test fixture pack (fictional)' });
    expect(state.document.title).toContain('Lanternbury Harbour Accord');
    expect(state.document.text.slice(state.quote!.start, state.quote!.end)).toBe('signed the accord on 3 May 2001');
    expect(await loadReader(api(installed(false)), target, 'c0ffee12')).toEqual({ kind: 'error', message: 'readerNoSource' });
  });

  it('shows the whole document when the quote is not in it, and says why when nothing can be shown', async () => {
    const state = await loadReader(api(), { topicId: 'singapore-summit-2018', sourceId: 'rusi-brown-2022', quote: 'met in Singapore in 2019' }, 'v');
    expect(state).toMatchObject({ kind: 'ready', quote: null });
    expect(await loadReader(api(), null, 'v')).toEqual({ kind: 'error', message: 'readerNoAddress' });
    expect(await loadReader(api(), { topicId: 'singapore-summit-2018', sourceId: 'not-bundled', quote: 'x' }, 'v')).toEqual({
      kind: 'error',
      message: 'readerNoSource',
    });
  });
});

describe('Reader', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
  });
  const show = async (state: ReaderState) => act(() => render(<Reader state={state} />, container));

  it('shows the document in full with the quote marked and focused, and the source’s metadata', async () => {
    const start = bundled.text.indexOf('Abe');
    const end = bundled.text.indexOf(' and agreed');
    await show({ kind: 'ready', document: bundled, origin: { kind: 'bundled', corpusVersion: 'c0ffee12' }, quote: { start, end } });
    const article = container.querySelector('article')!;
    expect(article.textContent).toBe(bundled.text);
    const mark = article.querySelector('mark[data-part="quote"]')!;
    expect(mark.textContent).toBe(bundled.text.slice(start, end));
    expect(document.activeElement).toBe(mark);
    expect(container.querySelector('h1')!.textContent).toBe('A bundled report');
    const meta = [...container.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling!.textContent}`);
    expect(meta).toEqual(['Publisher: RUSI', 'Author: James D.J. Brown', 'Date: 2022', 'Language: en', 'Address: None given in the document']);
    expect(container.querySelector('.origin')!.textContent).toContain('corpus c0ffee12');
    expect(container.querySelector('a[href="#quote"]')).toBeTruthy();
  });

  it('says so when the quote is not in the document, and renders document text as text', async () => {
    await show({
      kind: 'ready',
      document: { ...bundled, text: '<img src=x onerror=alert(1)>' },
      origin: { kind: 'pack', packName: 'Mine' },
      quote: null,
    });
    expect(container.querySelector('[role="status"]')!.textContent).toBe(
      'The quote was not found in this document; the whole document is shown below.',
    );
    expect(container.querySelector('article img')).toBeNull();
    expect(container.querySelector('mark')).toBeNull();
    expect(container.querySelector('.origin')!.textContent).toBe('The full text from your pack “Mine”, as you imported it.');
  });
});
