// @vitest-environment happy-dom
// The reader's own corpus on a page: an installed pack's topics highlighted with the page
// contract, following the packs in storage live; "Wrong match" in the tooltip removing the
// mention at once and keeping that alias off for that topic on that site.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Annotator } from '../../src/content/annotator';
import { watchOwnCorpus, type OwnCorpus } from '../../src/content/own-corpus';
import { createTooltipHost, type TooltipHost } from '../../src/content/tooltip-host';
import type { TopicDetails } from '../../src/core/corpus-types';
import type { PageMatcher } from '../../src/core/match-request';
import { createMatcher } from '../../src/core/matcher';
import { readPack } from '../../src/core/packs';
import { withPack, withPackEnabled } from '../../src/core/packs-stored';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { miniIndex } from '../core/mini-corpus';
import { askingTestMatcher, testAnnotator } from '../support/content';
import { type FakeExtension, fakeExtension } from '../support/extension-api';

const index = miniIndex();
const SAMPLE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'packs', 'sample-pack.json'), 'utf8');
const imported = readPack(SAMPLE, { fileName: 'sample-pack.json', builtIn: index, installed: [] });
if (!imported.ok) throw new Error('the sample pack must be valid');
const installed = withPack([], {}, imported.pack, imported.files);

/** storage.local in memory (the shared fake): like the browser, every write is heard by every listener, the writer's too. */
const fakeStorage = (stored: Record<string, unknown> = {}) => fakeExtension({ stored });

let annotator: Annotator | null = null;
let own: OwnCorpus | null = null;
let tooltip: TooltipHost | null = null;
let controller: AbortController | null = null;

afterEach(() => {
  tooltip?.destroy();
  controller?.abort();
  tooltip = own = annotator = controller = null;
});

/** The built-in corpus searched in the page, or (as in production) by the background, the page's matcher loaded for packs. */
const MATCHERS = {
  'in the page': () => createMatcher(index),
  'by the background': () => askingTestMatcher(index).matcher,
} as const satisfies Record<string, () => PageMatcher>;
type MatcherKind = keyof typeof MATCHERS;

async function start(html: string, storage: FakeExtension, site: string | null = 'example.com', kind: MatcherKind = 'in the page') {
  document.title = '';
  document.body.innerHTML = html;
  const matcher = MATCHERS[kind]();
  controller = new AbortController();
  // Without the Highlight API in happy-dom, mentions are marks: the contract these tests read.
  const a = testAnnotator(index, { matcher, signal: controller.signal });
  annotator = a;
  own = watchOwnCorpus({
    api: storage.content,
    signal: controller.signal,
    site,
    base: { index, matcher },
    apply: (view) => a.setCorpus(view.index, view.matcher),
    now: () => new Date('2025-02-03T04:05:06Z'),
  });
  await own.ready;
  await a.apply(DEFAULT_SETTINGS, true);
  return a;
}

const marked = () =>
  [...document.querySelectorAll('mark[data-annotation-id]')].map((m) => [
    m.textContent,
    m.getAttribute('data-annotation-id'),
    m.getAttribute('data-annotation-category'),
  ]);
const settle = () => new Promise((r) => setTimeout(r, 20));
/** What the tooltip shows for Shikotan in these tests: only its name matters here. */
const shikotanDetails = () =>
  ({
    topic: { id: 'shikotan', name: 'shikotan', category: 'places', aliases: ['Shikotan'], summary: 's', facts: [] },
    category: index.categories[0]!,
    sources: {},
    corpusVersion: 'test',
  }) as TopicDetails;
const PAGE = '<p>The Lanternbury Harbour Accord covers Port Vessick; Shikotan is elsewhere. Port Vessick again.</p>';

describe.each(Object.keys(MATCHERS) as MatcherKind[])('own corpus packs on a page, the built-in corpus searched %s', (kind) => {
  it('highlights an enabled pack’s topics with the page contract, beside the built-in ones', async () => {
    const before = PAGE;
    await start(PAGE, fakeStorage(installed), 'example.com', kind);
    expect(marked()).toEqual([
      ['Lanternbury Harbour Accord', 'lanternbury-harbour-accord', 'agreements'],
      ['Port Vessick', 'port-vessick', 'places'],
      ['Shikotan', 'shikotan', 'places'],
      ['Port Vessick', 'port-vessick', 'places'],
    ]);
    expect(annotator!.counts().byTopic).toEqual({ 'lanternbury-harbour-accord': 1, 'port-vessick': 2, shikotan: 1 });
    controller!.abort();
    expect(document.body.innerHTML).toBe(before);
  });

  it('follows packs switched off, on and removed, live', async () => {
    const storage = fakeStorage(installed);
    await start(PAGE, storage, 'example.com', kind);
    expect(marked()).toHaveLength(4);
    await storage.api.saveLocal({ packs: withPackEnabled(installed.packs, 'test-fixture-pack', false) });
    await vi.waitFor(() => expect(marked()).toEqual([['Shikotan', 'shikotan', 'places']]));
    await storage.api.saveLocal({ packs: installed.packs });
    await vi.waitFor(() => expect(marked()).toHaveLength(4));
    await storage.api.saveLocal({ packs: [], packFiles: {} });
    await vi.waitFor(() => expect(marked()).toEqual([['Shikotan', 'shikotan', 'places']]));
  });

  it('falls back to the built-in corpus when stored packs are corrupt', async () => {
    await start(PAGE, fakeStorage({ packs: 'garbage', falseMatches: { nope: true } }), 'example.com', kind);
    expect(marked()).toEqual([['Shikotan', 'shikotan', 'places']]);
  });
});

describe.each(Object.keys(MATCHERS) as MatcherKind[])('Wrong match, the built-in corpus searched %s', (kind) => {
  it('removes the mention at once, records it, and keeps the alias off for that topic on that site', async () => {
    const storage = fakeStorage(installed);
    const a = await start(`${PAGE}<p>Shikotan and 色丹島.</p>`, storage, 'example.com', kind);
    const mention = a.mentionOf(document.querySelectorAll('mark[data-annotation-id="shikotan"]')[0]!)!;
    await own!.reportWrongMatch(mention);
    await vi.waitFor(() => expect(marked().map((m) => m[0])).toEqual(['Lanternbury Harbour Accord', 'Port Vessick', 'Port Vessick', '色丹島']));
    expect(storage.storage.get('falseMatches')).toEqual([
      { site: 'example.com', alias: 'Shikotan', topicId: 'shikotan', at: '2025-02-03T04:05:06.000Z' },
    ]);
    // A pack topic's alias too.
    await own!.reportWrongMatch(a.mentionOf(document.querySelector('mark[data-annotation-id="port-vessick"]')!)!);
    await vi.waitFor(() => expect(marked().map((m) => m[0])).toEqual(['Lanternbury Harbour Accord', '色丹島']));
    // The same page opened again (a reload) stays without them.
    controller!.abort();
    await start(`${PAGE}<p>Shikotan and 色丹島.</p>`, storage, 'example.com', kind);
    expect(marked().map((m) => m[0])).toEqual(['Lanternbury Harbour Accord', '色丹島']);
  });

  it('applies only on the site it was reported on, and comes back when cleared', async () => {
    const report = { site: 'other.org', alias: 'Shikotan', topicId: 'shikotan', at: '' };
    const storage = fakeStorage({ falseMatches: [report] });
    await start('<p>Shikotan</p>', storage, 'example.com', kind);
    expect(marked()).toEqual([['Shikotan', 'shikotan', 'places']]);
    await storage.api.saveLocal({ falseMatches: [{ ...report, site: 'example.com' }] });
    await vi.waitFor(() => expect(marked()).toEqual([]));
    await storage.api.saveLocal({ falseMatches: [] });
    await vi.waitFor(() => expect(marked()).toEqual([['Shikotan', 'shikotan', 'places']]));
  });

  it('is a button in the tooltip footer that closes the tooltip and reports the mention', async () => {
    const storage = fakeStorage();
    const a = await start('<p>Shikotan</p>', storage, 'example.com', kind);
    tooltip = createTooltipHost({
      doc: document,
      rectOf: a.rectOf,
      details: { load: async () => shikotanDetails() },
      onWrongMatch: (m) => void own!.reportWrongMatch(m),
    });
    const mention = a.mentionOf(document.querySelector('mark')!)!;
    await act(async () => {
      tooltip!.open(mention);
      await settle();
    });
    const panel = document.querySelector('[data-annotation-tooltip]')!.shadowRoot!.querySelector('.panel')!;
    const button = panel.querySelector<HTMLButtonElement>('footer button[data-part="wrong-match"]')!;
    expect(button.textContent).toBe('Wrong match');
    await act(async () => {
      button.click();
      await settle();
    });
    expect(tooltip.current).toBeNull();
    expect(marked()).toEqual([]);
    expect(storage.localSaves).toEqual([
      { falseMatches: [{ site: 'example.com', alias: 'Shikotan', topicId: 'shikotan', at: '2025-02-03T04:05:06.000Z' }] },
    ]);
  });

  it('is not offered without a site to record it for, nor on a checked statement', async () => {
    const a = await start('<p>Shikotan</p>', fakeStorage(), 'example.com', kind);
    tooltip = createTooltipHost({ doc: document, rectOf: a.rectOf, details: { load: async () => shikotanDetails() } });
    const mention = a.mentionOf(document.querySelector('mark')!)!;
    await act(async () => {
      tooltip!.open(mention);
      await settle();
    });
    const panel = document.querySelector('[data-annotation-tooltip]')!.shadowRoot!.querySelector('.panel')!;
    expect(panel.querySelector('[data-part="wrong-match"]')).toBeNull();
    tooltip.destroy();
    tooltip = createTooltipHost({ doc: document, rectOf: a.rectOf, details: { load: async () => shikotanDetails() }, onWrongMatch: () => undefined });
    await act(async () => {
      tooltip!.open({ ...mention, check: { verdict: 'conflict', claims: [], stated: '1999', sentence: '' } });
      await settle();
    });
    expect(document.querySelector('[data-annotation-tooltip]')!.shadowRoot!.querySelector('[data-part="wrong-match"]')).toBeNull();
  });
});
