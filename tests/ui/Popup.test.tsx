// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Category, TopicDetails } from '../../src/core/corpus-types';
import type { PageStatus } from '../../src/core/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import type { ExtensionApi, MessageSender } from '../../src/platform/extension-api';
import { Popup, type PopupApi } from '../../src/ui/Popup';
import { fakeExtension } from '../support/extension-api';

const categories: Category[] = [
  { id: 'places', label: 'Places', color: '#2a6f97' },
  { id: 'people', label: 'People', color: '#9b2226' },
  { id: 'events', label: 'Events', color: '#6a4c93' },
];

const pageStatus = (): PageStatus => ({
  site: 'example.com',
  active: true,
  skipped: 0,
  unshown: 0,
  mode: 'highlights',
  counts: { total: 5, conflicts: 2, byCategory: { places: 3, people: 2 }, byTopic: { a: 3, b: 2 } },
  found: [
    { id: 'a', name: 'Shikotan', category: 'places', count: 3 },
    { id: 'b', name: 'Sergei Lavrov', category: 'people', count: 2 },
  ],
});

const shikotanDetails: TopicDetails = {
  corpusVersion: 'v1',
  category: categories[0]!,
  sources: { s: { id: 's', title: 'A note', publisher: 'A publisher', author: null, date: '2020', dateText: '2020', language: 'en', url: null } },
  topic: {
    id: 'a',
    name: 'Shikotan',
    category: 'places',
    aliases: [],
    summary: 'An island.',
    facts: [{ text: 'Shikotan is an island.', quotes: [{ source: 's', text: 'Shikotan is an island of the Lesser Kurils.' }] }],
  },
};

/**
 * The popup on tab 7 of the shared fake extension. Its listeners hear only changes made
 * "elsewhere" (changeElsewhere), so the popup must show its own changes by itself; the tab's page
 * answers with `status` (none at all when 'unavailable'), the background only Shikotan's details.
 */
function fakeApi(
  initial: Settings = { ...DEFAULT_SETTINGS },
  page: 'ok' | 'unavailable' = 'ok',
  status: Partial<PageStatus> = {},
  overrides: Partial<ExtensionApi> = {},
) {
  const fake = fakeExtension({ stored: { settings: initial }, hearOwnWrites: false, activeTab: 7, tabId: 7, overrides });
  let current = status;
  if (page === 'ok') {
    fake.page(7, {
      'page:status': () => ({ ...pageStatus(), ...current }),
      'page:report': () => ({ title: 'Example news', url: 'https://example.com/news', checks: [], found: pageStatus().found }),
      'page:reveal': () => true,
    });
  }
  fake.api.handle({ 'details:get': ({ topicId }) => (topicId === 'a' ? shikotanDetails : null) });
  return {
    ...fake,
    /** The page's status from now on, as a page whose feed added mentions would answer. */
    setStatus(next: Partial<PageStatus>) {
      current = next;
    },
    /** The background's word that a tab's counts changed (from `sender`, the background by default). */
    async push(tabId: number, sender?: MessageSender) {
      await fake.deliver('tab:counts-changed', { tabId }, sender);
    },
  };
}

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

/** Lets pending promises and timers of 0 ms run, inside act so Preact renders the result. */
const settle = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });

async function open(fake: { api: PopupApi }) {
  await act(() => {
    render(<Popup api={fake.api} categories={categories} corpusVersion="2024.1" topicCount={42} />, container);
  });
  await settle();
  await settle();
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const input = (selector: string) => {
  const el = container.querySelector<HTMLInputElement>(selector);
  expect(el, selector).toBeTruthy();
  return el!;
};
const cat = (id: string) => input(`input[data-category="${id}"]`);
const master = () => input('input[data-master]');
const siteSwitch = () => input('input[data-site="example.com"]');
/** The count shown on a category's row, or null when none is shown. */
const countOf = (id: string) => cat(id).closest('label')!.querySelector('.count')?.textContent ?? null;
const click = (el: HTMLElement) => act(() => el.click());

describe('Popup', () => {
  it('asks the active tab for its status', async () => {
    const fake = fakeApi();
    await open(fake);
    expect(fake.tabCalls[0]).toEqual({ tabId: 7, type: 'page:status', payload: {} });
  });

  it('shows a switch per category, all on by default, with the counts on this page', async () => {
    await open(fakeApi());
    for (const c of categories) {
      const sw = cat(c.id);
      expect(sw.type).toBe('checkbox');
      expect(sw.checked).toBe(true);
      expect(sw.disabled).toBe(false);
      expect(text(sw.closest('label'))).toContain(c.label);
    }
    expect(container.querySelectorAll('input[data-category]')).toHaveLength(categories.length);
    expect(countOf('places')).toBe('3');
    expect(countOf('people')).toBe('2');
    expect(countOf('events')).toBe('0');
    expect(text(container.querySelector('.total'))).toBe('5 mentions of 2 topics on this page');
  });

  it('shows a category switched off in storage as off', async () => {
    await open(fakeApi({ ...DEFAULT_SETTINGS, categories: { people: false } }));
    expect(cat('people').checked).toBe(false);
    expect(cat('places').checked).toBe(true);
  });

  it('saves a category switched off and on again, leaving the other settings alone', async () => {
    const initial: Settings = {
      ...DEFAULT_SETTINGS,
      categories: { events: false },
      disabledSites: ['other.org'],
      mentionMode: 'first',
    };
    const fake = fakeApi(initial);
    await open(fake);

    await click(cat('places'));
    expect(fake.settingsSaves).toHaveLength(1);
    expect(fake.settingsSaves[0]).toEqual({ ...initial, categories: { events: false, places: false } });
    expect(cat('places').checked).toBe(false);
    expect(cat('people').checked).toBe(true);

    await click(cat('places'));
    expect(fake.settingsSaves).toHaveLength(2);
    expect(fake.settingsSaves[1]).toEqual({ ...initial, categories: { events: false, places: true } });
    expect(cat('places').checked).toBe(true);
  });

  it('keeps both of two categories switched off in a row', async () => {
    const fake = fakeApi();
    await open(fake);
    await click(cat('places'));
    await click(cat('people'));
    expect(fake.settings().categories).toEqual({ places: false, people: false });
    expect(cat('places').checked).toBe(false);
    expect(cat('people').checked).toBe(false);
  });

  it('turns everything off from the master switch', async () => {
    const fake = fakeApi();
    await open(fake);
    expect(master().checked).toBe(true);

    await click(master());
    expect(fake.settingsSaves).toEqual([{ ...DEFAULT_SETTINGS, enabled: false }]);
    expect(master().checked).toBe(false);
    for (const c of categories) expect(cat(c.id).disabled).toBe(true);
    expect(siteSwitch().disabled).toBe(true);
    expect(text(container.querySelector('.total'))).toBe('Annotations are off everywhere.');
    expect(countOf('places')).toBeNull();

    await click(master());
    expect(fake.settingsSaves[1]).toEqual({ ...DEFAULT_SETTINGS, enabled: true });
    for (const c of categories) expect(cat(c.id).disabled).toBe(false);
    expect(text(container.querySelector('.total'))).toBe('5 mentions of 2 topics on this page');
  });

  it('turns the current site off and on again', async () => {
    const fake = fakeApi({ ...DEFAULT_SETTINGS, disabledSites: ['other.org'] });
    await open(fake);
    expect(siteSwitch().checked).toBe(true);
    expect(text(siteSwitch().closest('label'))).toContain('example.com');

    await click(siteSwitch());
    expect(fake.settingsSaves).toHaveLength(1);
    expect(fake.settingsSaves[0]).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['other.org', 'example.com'] });
    expect(siteSwitch().checked).toBe(false);
    expect(text(container.querySelector('.total'))).toBe('Annotations are off on this site.');
    expect(countOf('places')).toBeNull();
    // The master switch is still on: only this site is off.
    expect(master().checked).toBe(true);

    await click(siteSwitch());
    expect(fake.settingsSaves[1]).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['other.org'] });
    expect(siteSwitch().checked).toBe(true);
    expect(text(container.querySelector('.total'))).toBe('5 mentions of 2 topics on this page');
  });

  it('opens with the site off when it was turned off before', async () => {
    await open(fakeApi({ ...DEFAULT_SETTINGS, disabledSites: ['example.com'] }));
    expect(siteSwitch().checked).toBe(false);
    expect(text(container.querySelector('.total'))).toBe('Annotations are off on this site.');
  });

  it('follows settings changed in another window', async () => {
    const fake = fakeApi();
    await open(fake);
    expect(cat('people').checked).toBe(true);

    await act(() => fake.changeElsewhere({ settings: { ...DEFAULT_SETTINGS, categories: { people: false } } }));
    expect(cat('people').checked).toBe(false);
    expect(cat('places').checked).toBe(true);

    await act(() => fake.changeElsewhere({ settings: { ...DEFAULT_SETTINGS, enabled: false, disabledSites: ['example.com'] } }));
    expect(master().checked).toBe(false);
    expect(siteSwitch().checked).toBe(false);
    expect(cat('people').checked).toBe(true);
    for (const c of categories) expect(cat(c.id).disabled).toBe(true);
    expect(text(container.querySelector('.total'))).toBe('Annotations are off everywhere.');
    // Following another window's change is not a change of its own to save.
    expect(fake.settingsSaves).toEqual([]);
  });

  it('stops listening for settings once closed', async () => {
    const fake = fakeApi();
    await open(fake);
    expect(fake.listeners()).toBe(1);
    await act(() => render(null, container));
    expect(fake.listeners()).toBe(0);
  });

  it('follows the page as its counts change, on the background’s word for this tab only, with no timer', async () => {
    const fake = fakeApi();
    await open(fake);
    expect(countOf('places')).toBe('3');
    const asked = () => fake.tabCalls.filter((c) => c.type === 'page:status').length;
    expect(asked()).toBe(1);
    const more = { total: 8, conflicts: 2, byCategory: { places: 6, people: 2 }, byTopic: { a: 6, b: 2 } };
    fake.setStatus({ counts: more, found: [...pageStatus().found, { id: 'c', name: 'Habomai', category: 'places', count: 3 }] });

    // Another tab's counts, or a content script posing as the background: not this popup's business.
    await act(() => fake.push(8));
    await act(() => fake.push(7, { tabId: 7, frameId: 0 }));
    await settle();
    expect(asked()).toBe(1);
    expect(countOf('places')).toBe('3');

    await act(() => fake.push(7));
    await settle();
    expect(asked()).toBe(2);
    expect(countOf('places')).toBe('6');
    expect(text(container.querySelector('.total'))).toBe('8 mentions of 2 topics on this page');
    expect([...container.querySelectorAll('.overview button[data-topic]')].map(text)).toContain('Habomai3');

    // Closed, it stops listening.
    await act(() => render(null, container));
    expect(fake.answering('tab:counts-changed')).toBe(0);
  });

  it('follows the page’s own word on its port, with no word from the background', async () => {
    const fake = fakeApi();
    const page = new AbortController();
    const tell = fake.content.acceptFollowers(page.signal);
    await open(fake);
    await settle();
    expect(fake.following(7)).toBe(1);
    expect(countOf('places')).toBe('3');
    fake.setStatus({ counts: { total: 8, conflicts: 2, byCategory: { places: 6, people: 2 }, byTopic: { a: 6, b: 2 } } });
    await act(() => tell());
    await settle();
    expect(countOf('places')).toBe('6');

    // Closed, it lets go of the page.
    await act(() => render(null, container));
    expect(fake.following(7)).toBe(0);
    page.abort();
  });

  it('shows the latest answer when a push overtakes an earlier question', async () => {
    const fake = fakeApi(DEFAULT_SETTINGS, 'unavailable');
    const answers: Array<(s: PageStatus) => void> = [];
    fake.page(7, { 'page:status': () => new Promise<PageStatus>((r) => answers.push(r)) });
    await open(fake);
    await act(() => fake.push(7));
    await settle();
    expect(answers).toHaveLength(2);
    const counts = (total: number) => ({ total, conflicts: 0, byCategory: { places: total }, byTopic: { a: total } });
    await act(() => answers[1]!({ ...pageStatus(), counts: counts(9) }));
    await settle();
    await act(() => answers[0]!({ ...pageStatus(), counts: counts(4) }));
    await settle();
    expect(countOf('places')).toBe('9');
  });

  it('asks again, a few times, a page that was out of reach when it opened (a tab still loading)', async () => {
    const fake = fakeApi(DEFAULT_SETTINGS, 'unavailable');
    await open(fake);
    expect(text(container)).toContain("Backstory doesn't run on this page");
    // The page's content script starts answering; it has no mentions, so it never pushes counts.
    fake.page(7, { 'page:status': () => pageStatus() });
    await act(() => new Promise((r) => setTimeout(r, 700)));
    expect(countOf('places')).toBe('3');
    const asked = fake.tabCalls.filter((c) => c.type === 'page:status').length;
    await act(() => new Promise((r) => setTimeout(r, 1100)));
    // Answered: no more asking.
    expect(fake.tabCalls.filter((c) => c.type === 'page:status').length).toBe(asked);
  });

  it('says it does not run on pages it cannot reach', async () => {
    await open(fakeApi(DEFAULT_SETTINGS, 'unavailable'));
    expect(text(container)).toContain("Backstory doesn't run on this page");
    expect(container.querySelector('.total')).toBeNull();
    expect(container.querySelector('input[data-site]')).toBeNull();
    // The categories can still be set, with no counts claimed.
    expect(cat('places').checked).toBe(true);
    expect(countOf('places')).toBeNull();
  });

  it('reads a page whose first script is alive but quiet as one without topics, and any other silent tab as out of reach', async () => {
    // Backstory's first script answers only once a page's text could name a topic.
    await open(
      fakeApi(
        DEFAULT_SETTINGS,
        'unavailable',
        {},
        { hasLiveContentScript: async () => true, tabUrl: async () => 'https://www.example.org/recipes/soup' },
      ),
    );
    expect(text(container.querySelector('.total'))).toBe('No topics found on this page.');
    expect(container.querySelector<HTMLInputElement>('input[data-site]')?.closest('label')?.textContent).toContain('example.org');
    expect(text(container)).not.toContain("doesn't run");

    // A store page, a tab whose script died with an old version, a page still loading: nothing alive there.
    await open(
      fakeApi(
        DEFAULT_SETTINGS,
        'unavailable',
        {},
        { hasLiveContentScript: async () => false, tabUrl: async () => 'https://chromewebstore.google.com/detail/x' },
      ),
    );
    expect(text(container)).toContain("Backstory doesn't run on this page");
    await open(
      fakeApi(
        DEFAULT_SETTINGS,
        'unavailable',
        {},
        {
          hasLiveContentScript: () => Promise.reject(new Error('Cannot access contents of the page')),
          tabUrl: async () => 'chrome://settings/',
        },
      ),
    );
    expect(text(container)).toContain("Backstory doesn't run on this page");
  });

  it('names the corpus and the number of topics', async () => {
    await open(fakeApi());
    expect(text(container.querySelector('footer'))).toContain('42 topics');
    expect(text(container.querySelector('footer'))).toContain('2024.1');
  });
});

describe('Popup: the page overview', () => {
  it('lists the topics found, grouped by category, and takes the reader to one', async () => {
    const fake = fakeApi();
    await open(fake);
    const overview = container.querySelector('.overview')!;
    expect([...overview.querySelectorAll('h3')].map(text)).toEqual(['Places', 'People']);
    expect([...overview.querySelectorAll('button[data-topic]')].map(text)).toEqual(['Shikotan3', 'Sergei Lavrov2']);
    await click(overview.querySelector<HTMLButtonElement>('button[data-topic="b"]')!);
    await settle();
    expect(fake.tabCalls.at(-1)).toEqual({ tabId: 7, type: 'page:reveal', payload: { topicId: 'b' } });
  });

  it('copies the page report as Markdown: what the page asked about, with the sources’ quotes', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (s: string) => void copied.push(s) } });
    const fake = fakeApi();
    await open(fake);
    const button = container.querySelector<HTMLButtonElement>('button[data-export]')!;
    expect(button.textContent).toBe('Copy report');
    await click(button);
    await settle();
    expect(fake.tabCalls.some((c) => c.type === 'page:report')).toBe(true);
    expect(copied).toHaveLength(1);
    const md = copied[0]!;
    expect(md.startsWith('# Backstory report: Example news\n\nhttps://example.com/news\n')).toBe(true);
    expect(md).toContain(
      '#### Shikotan (3 on the page)\n\nAn island.\n\n**Shikotan is an island.**\n\n> Shikotan is an island of the Lesser Kurils.',
    );
    expect(md).toContain('#### Sergei Lavrov (2 on the page)\n\n(details could not be loaded)');
    expect(button.textContent).toBe('Copied');
  });

  it('says how many statements conflict with the sources', async () => {
    await open(fakeApi());
    expect(text(container.querySelector('.conflicts'))).toBe('2 statements here conflict with the sources');
  });

  it('says when part of the page was skipped as nested too deep, and only then', async () => {
    const fake = fakeApi(undefined, 'ok', { skipped: 2 });
    await open(fake);
    expect(text(container.querySelector('[data-part="skipped"]'))).toBe(
      'Part of this page was not read: 2 sections are nested deeper than any text is.',
    );
    render(null, container);
    await open(fakeApi());
    expect(container.querySelector('[data-part="skipped"]')).toBeNull();
  });

  it('says how many mentions are past the limit of highlights, and only when there are', async () => {
    await open(fakeApi(undefined, 'ok', { unshown: 8913 }));
    expect(text(container.querySelector('[data-part="unshown"]'))).toBe(
      '8913 more mentions are not highlighted: this page has more than Backstory highlights at once without slowing it down.',
    );
    render(null, container);
    await open(fakeApi());
    expect(container.querySelector('[data-part="unshown"]')).toBeNull();
  });

  it('switches to the first mention of each topic only', async () => {
    const fake = fakeApi();
    await open(fake);
    const first = input('input[data-setting="first-mention"]');
    expect(first.checked).toBe(false);
    await click(first);
    expect(fake.settingsSaves.at(-1)?.mentionMode).toBe('first');
  });
});

describe('Popup: the way to the options page', () => {
  it('opens the options page from its footer', async () => {
    const fake = fakeApi();
    await open(fake);
    await click(container.querySelector<HTMLButtonElement>('footer button.options-link')!);
    expect(fake.log).toEqual(['options']);
  });
});
