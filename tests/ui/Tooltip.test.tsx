// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Category, TopicDetails, TopicHead } from '../../src/core/corpus-types';
import { Tooltip, type TooltipProps, type TooltipState } from '../../src/ui/Tooltip';

const XSS = '<img src=x onerror=alert(1)>';

const category: Category = { id: 'places', label: 'Places', color: '#2a6f97' };
const head: TopicHead = { id: 'shikotan', name: 'Shikotan', category: 'places' };

// Two sources: one bare (no address, no author), one complete.
const sources: TopicDetails['sources'] = {
  bare: {
    id: 'bare',
    title: 'Joint Compendium of Documents',
    publisher: 'Ministry of Foreign Affairs of Japan',
    author: null,
    date: '1992-09',
    dateText: 'September 1992',
    language: 'en',
    url: null,
  },
  full: {
    id: 'full',
    title: 'Interview with the press',
    publisher: 'Kremlin',
    author: 'Vladimir Putin',
    date: '2016-12-13',
    dateText: '13 December 2016',
    language: 'en',
    url: 'https://example.org/interview',
  },
};

const q = {
  name: 'The islands are called the Southern Kurils in Russian official usage.',
  fact1: 'Shikotan is the largest island of the Habomai group area.',
  fact2: 'The island had a Japanese population before 1945.',
  fact3: 'The 1956 declaration promised to hand over Shikotan.',
  fact4: 'The fourth fact quote, hidden at first.',
  vpJapan: 'The four islands are an inherent part of Japan’s territory.',
  vpRussia: 'Sovereignty over the islands is not up for discussion.',
  discA: 'Hand over after the conclusion of a peace treaty.',
  discB: 'Transfer was conditional on the withdrawal of foreign troops.',
};

function fixture(): TopicDetails {
  return {
    category,
    corpusVersion: '2024.1',
    sources,
    topic: {
      id: 'shikotan',
      name: 'Shikotan',
      category: 'places',
      aliases: ['Shikotan'],
      summary: 'An island off Hokkaido administered by Russia and claimed by Japan.',
      names: [{ name: 'Southern Kurils', usedBy: 'Russian government', quotes: [{ source: 'full', text: q.name }] }],
      facts: [
        { text: 'Fact one text', quotes: [{ source: 'bare', text: q.fact1 }] },
        { text: 'Fact two text', quotes: [{ source: 'full', text: q.fact2 }] },
        { text: 'Fact three text', quotes: [{ source: 'bare', text: q.fact3 }] },
        { text: 'Fact four text', quotes: [{ source: 'full', text: q.fact4 }] },
      ],
      viewpoints: [
        { holder: 'Japanese government', position: 'The islands belong to Japan.', quotes: [{ source: 'bare', text: q.vpJapan }] },
        { holder: 'Russian government', position: 'The islands are Russian.', quotes: [{ source: 'full', text: q.vpRussia }] },
      ],
      discrepancies: [
        {
          about: 'When the islands are handed over',
          note: 'The two texts attach different conditions.',
          quotes: [
            { source: 'bare', text: q.discA },
            { source: 'full', text: q.discB },
          ],
        },
      ],
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

function show(state: TooltipState, props: Partial<TooltipProps> = {}) {
  const onClose = vi.fn();
  render(<Tooltip head={head} category={category} alias="Shikotan" rule="alias" state={state} onClose={onClose} {...props} />, container);
  return { onClose, root: container.firstElementChild as HTMLElement };
}

const ready = (details: TopicDetails = fixture()): TooltipState => ({ kind: 'ready', details });
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const section = (label: string) => container.querySelector(`section[aria-label="${label}"]`);
/** The citation shown under the quote with exactly this text. */
function citationOf(quote: string): HTMLElement {
  const bq = [...container.querySelectorAll('blockquote')].find((b) => b.textContent === quote);
  expect(bq, `quote "${quote}" shown`).toBeTruthy();
  const cite = bq!.closest('figure')!.querySelector<HTMLElement>('[data-part="source"]');
  expect(cite, `citation under "${quote}"`).toBeTruthy();
  return cite!;
}
const button = (label: string) => [...container.querySelectorAll('button')].find((b) => text(b) === label);

describe('Tooltip', () => {
  it('shows the topic name, its category label and the summary', () => {
    const { root } = show(ready());
    expect(text(root.querySelector('h2'))).toBe('Shikotan');
    expect(text(root.querySelector('.chip'))).toBe('Places');
    expect(text(root)).toContain('An island off Hokkaido administered by Russia and claimed by Japan.');
  });

  it('shows every visible quote verbatim, each with its citation', () => {
    show(ready());
    const visible = [q.name, q.fact1, q.fact2, q.fact3, q.vpJapan, q.vpRussia, q.discA, q.discB];
    for (const quote of visible) citationOf(quote);
    // One citation per quote shown, no more.
    expect(container.querySelectorAll('blockquote')).toHaveLength(visible.length);
    expect(container.querySelectorAll('[data-part="source"]')).toHaveLength(visible.length);
  });

  it('cites publisher · author · date and title, leaving out what the source lacks', () => {
    show(ready());
    const bare = citationOf(q.fact1);
    expect(text(bare.querySelector('.byline'))).toBe('Ministry of Foreign Affairs of Japan · September 1992');
    expect(text(bare)).toContain('Joint Compendium of Documents');
    const full = citationOf(q.fact2);
    expect(text(full.querySelector('.byline'))).toBe('Kremlin · Vladimir Putin · 13 December 2016');
    expect(text(full)).toContain('Interview with the press');
    expect(container.textContent).not.toMatch(/\bnull\b|\bundefined\b/);
  });

  it('shows a source that has only a title without a stray separator', () => {
    const d = fixture();
    d.sources = { ...d.sources, bare: { ...d.sources.bare!, publisher: null, author: null, dateText: null, date: null } };
    show(ready(d));
    const bare = citationOf(q.fact1);
    expect(text(bare)).toBe('Joint Compendium of Documents');
    expect(container.textContent).not.toMatch(/\bnull\b|\bundefined\b/);
  });

  it('links a source that has an address in a new tab, and not one that has none', () => {
    show(ready());
    const link = citationOf(q.fact2).querySelector('a');
    expect(link).toBeTruthy();
    expect(link!.getAttribute('href')).toBe('https://example.org/interview');
    expect(link!.getAttribute('target')).toBe('_blank');
    expect(link!.getAttribute('rel')?.split(/\s+/)).toContain('noopener');
    expect(text(link)).toBe('Interview with the press');

    expect(citationOf(q.fact1).querySelector('a')).toBeNull();
    // Every link in the card goes to the one source that has an address.
    for (const a of container.querySelectorAll('a')) expect(a.getAttribute('href')).toBe('https://example.org/interview');
  });

  it('shows each viewpoint with its holder, position and quote', () => {
    show(ready());
    const vps = [...container.querySelectorAll('[data-part="viewpoint"]')];
    expect(vps.length).toBeGreaterThanOrEqual(2);
    expect(vps).toHaveLength(2);
    expect(text(vps[0]!.querySelector('h4'))).toBe('Japanese government');
    expect(text(vps[0])).toContain('The islands belong to Japan.');
    expect(vps[0]!.querySelector('blockquote')?.textContent).toBe(q.vpJapan);
    expect(vps[0]!.querySelector('[data-part="source"]')).toBeTruthy();
    expect(text(vps[1]!.querySelector('h4'))).toBe('Russian government');
    expect(text(vps[1])).toContain('The islands are Russian.');
    expect(vps[1]!.querySelector('blockquote')?.textContent).toBe(q.vpRussia);
    expect(vps[1]!.querySelector('[data-part="source"]')).toBeTruthy();
  });

  it('shows three facts at first and the rest on request', async () => {
    show(ready());
    const facts = () => [...section('Key facts')!.querySelectorAll('li')].map((li) => text(li.querySelector('p')));
    expect(facts()).toEqual(['Fact one text', 'Fact two text', 'Fact three text']);
    expect(container.textContent).not.toContain(q.fact4);

    const more = button('Show all 4 facts');
    expect(more).toBeTruthy();
    await act(() => more!.click());
    expect(facts()).toEqual(['Fact one text', 'Fact two text', 'Fact three text', 'Fact four text']);
    citationOf(q.fact4);

    const fewer = button('Show fewer facts');
    expect(fewer).toBeTruthy();
    await act(() => fewer!.click());
    expect(facts()).toHaveLength(3);
    expect(button('Show all 4 facts')).toBeTruthy();
  });

  it('offers no "show all" button when there are three facts or fewer', () => {
    const d = fixture();
    d.topic.facts = d.topic.facts.slice(0, 3);
    show(ready(d));
    expect(section('Key facts')!.querySelectorAll('li')).toHaveLength(3);
    expect(section('Key facts')!.querySelector('button.more')).toBeNull();
  });

  it('shows where the sources disagree, with both quotes', () => {
    show(ready());
    const s = section('Where the sources disagree')!;
    expect(s).toBeTruthy();
    expect(text(s)).toContain('When the islands are handed over.');
    expect(text(s)).toContain('The two texts attach different conditions.');
    expect([...s.querySelectorAll('blockquote')].map((b) => b.textContent)).toEqual([q.discA, q.discB]);
    expect(s.querySelectorAll('[data-part="source"]')).toHaveLength(2);
  });

  it('shows who uses which name', () => {
    show(ready());
    const s = section('Names')!;
    expect(s).toBeTruthy();
    expect(text(s.querySelector('.name p'))).toBe('Southern Kurils — Russian government');
    expect(s.querySelector('blockquote')?.textContent).toBe(q.name);
  });

  it('leaves out the optional sections a topic does not have', () => {
    const d = fixture();
    delete d.topic.names;
    d.topic.viewpoints = [];
    delete d.topic.discrepancies;
    show(ready(d));
    expect(section('Names')).toBeNull();
    expect(section('Viewpoints')).toBeNull();
    expect(section('Where the sources disagree')).toBeNull();
    expect(container.querySelectorAll('[data-part="viewpoint"]')).toHaveLength(0);
    expect(section('Key facts')).toBeTruthy();
  });

  it('renders HTML in corpus text as text, never as markup', () => {
    const d = fixture();
    d.topic.summary = `Summary ${XSS}`;
    d.topic.facts[0]!.text = XSS;
    d.topic.facts[0]!.quotes[0]!.text = XSS;
    d.topic.viewpoints![0]!.holder = XSS;
    d.topic.names![0]!.usedBy = XSS;
    d.topic.discrepancies![0]!.note = XSS;
    d.sources = {
      ...d.sources,
      full: { ...d.sources.full!, title: XSS, publisher: XSS },
    };
    show(ready(d), { head: { ...head, name: XSS }, alias: XSS });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(text(container.querySelector('h2'))).toBe(XSS);
    expect(text(container.querySelector('.summary'))).toBe(`Summary ${XSS}`);
    expect([...container.querySelectorAll('blockquote')].some((b) => b.textContent === XSS)).toBe(true);
    expect(text(container.querySelector('[data-part="viewpoint"] h4'))).toBe(XSS);
    // Title (as a link) and publisher of the complete source, as text.
    expect(text(citationOf(q.fact2).querySelector('a'))).toBe(XSS);
    expect(text(citationOf(q.fact2).querySelector('.byline'))).toContain(XSS);
    expect(text(container.querySelector('footer'))).toContain(XSS);
  });

  it('says it is loading, with the name already shown', () => {
    const { root } = show({ kind: 'loading' });
    expect(text(root)).toContain('Loading sources…');
    expect(text(root.querySelector('h2'))).toBe('Shikotan');
    expect(root.querySelector('blockquote')).toBeNull();
    expect(section('Key facts')).toBeNull();
  });

  it('says why the sources could not be loaded', () => {
    const { root } = show({ kind: 'error', message: 'file missing' });
    expect(text(root)).toContain("Couldn't load this topic's sources: file missing");
    expect(text(root)).not.toContain('Loading sources');
    expect(root.querySelector('blockquote')).toBeNull();
  });

  it('falls back to the category id when the category is unknown', () => {
    show(ready(), { category: undefined });
    expect(text(container.querySelector('.chip'))).toBe('places');
  });

  it('says in the footer which alias matched, and the corpus version', () => {
    show(ready(), { alias: 'Shikotan Island', rule: 'alias' });
    const footer = text(container.querySelector('footer'));
    expect(footer).toContain('Matched “Shikotan Island”');
    expect(footer).not.toMatch(/context/i);
    expect(footer).toContain('2024.1');
  });

  it('says in the footer when the match needed context nearby', () => {
    show(ready(), { alias: 'Habomai', rule: 'context' });
    const footer = text(container.querySelector('footer'));
    expect(footer).toContain('Matched “Habomai”');
    expect(footer).toMatch(/context/i);
  });

  it('tells which alias matched while still loading', () => {
    show({ kind: 'loading' }, { alias: 'Shikotan', rule: 'context' });
    const footer = text(container.querySelector('footer'));
    expect(footer).toContain('Matched “Shikotan”');
    expect(footer).toMatch(/context/i);
  });

  it('closes from its close button', async () => {
    const { onClose } = show(ready());
    const close = container.querySelector<HTMLButtonElement>('button[aria-label="Close"]');
    expect(close).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
    await act(() => close!.click());
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('is a dialog labelled by its heading', () => {
    const { root } = show(ready());
    expect(root.getAttribute('role')).toBe('dialog');
    const id = root.getAttribute('aria-labelledby');
    expect(id).toBeTruthy();
    const heading = container.querySelector(`[id="${id}"]`);
    expect(heading?.tagName).toBe('H2');
    expect(text(heading)).toBe('Shikotan');
  });
});

describe('Tooltip in the page (tooltip host)', () => {
  // Moving straight from one mention to another (hover, or Tab between marks) makes the host
  // render the next topic into the same panel without closing in between; the "show all facts"
  // choice made for one topic must not carry over to the next.
  it('opens each topic with only three facts, even after another topic was expanded', async () => {
    const { createTooltipHost } = await import('../../src/content/tooltip-host');
    const second = fixture();
    second.topic = { ...second.topic, id: 'habomai', name: 'Habomai' };
    second.topic.facts = second.topic.facts.map((f, i) => ({ ...f, text: `Habomai fact ${i + 1}` }));
    const mention = (h: TopicHead): import('../../src/content/mentions').PageMention => {
      const text = document.createTextNode(h.name);
      container.appendChild(text);
      const end = { node: text, offset: h.name.length };
      return { head: h, category, alias: h.name, rule: 'alias', text: h.name, start: { node: text, offset: 0 }, end, nodes: [text] };
    };
    const host = createTooltipHost({
      doc: document,
      rectOf: () => new DOMRect(10, 10, 50, 16),
      details: { load: async (id) => (id === 'habomai' ? second : fixture()) },
    });
    try {
      const panel = () => document.querySelector('[data-annotation-tooltip]')!.shadowRoot!.querySelector('.panel')!;
      const facts = () => [...panel().querySelectorAll('section[aria-label="Key facts"] li')].map((li) => text(li.querySelector('p')));
      const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));

      await act(() => host.open(mention(head)));
      await settle();
      expect(facts()).toHaveLength(3);
      const more = [...panel().querySelectorAll('button')].find((b) => text(b) === 'Show all 4 facts');
      await act(() => more!.click());
      expect(facts()).toHaveLength(4);

      await act(() => host.open(mention({ id: 'habomai', name: 'Habomai', category: 'places' })));
      await settle();
      expect(text(panel().querySelector('h2'))).toBe('Habomai');
      expect(facts()).toEqual(['Habomai fact 1', 'Habomai fact 2', 'Habomai fact 3']);
    } finally {
      host.destroy();
    }
  });
});

describe('Tooltip: fact checks and citations', () => {
  it('shows a conflicting statement beside the sourced fact and its quote', () => {
    const d = fixture();
    d.topic.claims = [
      { attribute: 'date', label: 'When it happened', value: { year: 2018, month: 11, day: 14 }, quote: d.topic.facts[0]!.quotes[0]! },
    ];
    show(ready(d), { check: { verdict: 'conflict', claims: [0], stated: '14 July 2018' } });
    const check = container.querySelector('[data-part="check"]')!;
    expect(check.getAttribute('data-verdict')).toBe('conflict');
    expect(text(check)).toContain('This page says “14 July 2018”. The sources say otherwise:');
    expect(text(check)).toContain('November 14, 2018 — When it happened');
    expect(check.querySelector('blockquote')!.textContent).toBe(d.topic.facts[0]!.quotes[0]!.text);
    expect(check.querySelector('[data-part="source"]')).toBeTruthy();
    expect(text(check.querySelector('[data-part="check-why"]'))).toBe('Checked as: When it happened (Shikotan).');
  });

  it('offers every quote in its whole source, and says nothing of it where no reader page is at hand', async () => {
    const opened: Array<{ source: string; text: string }> = [];
    show(ready(), { onOpenSource: (quote) => opened.push(quote) });
    const quotes = [...container.querySelectorAll('figure.quote')];
    expect(quotes.length).toBeGreaterThan(2);
    for (const figure of quotes) expect(figure.querySelector('[data-part="open-source"]'), text(figure.querySelector('blockquote'))).toBeTruthy();
    const viewpoint = container.querySelector('[data-part="viewpoint"]')!;
    const button = viewpoint.querySelector<HTMLButtonElement>('[data-part="open-source"]')!;
    expect(button.textContent).toBe('Read in source');
    await act(async () => button.click());
    expect(opened).toEqual([
      {
        source: viewpoint.querySelector('[data-part="source"]')!.getAttribute('data-source-id'),
        text: viewpoint.querySelector('blockquote')!.textContent,
      },
    ]);
    render(null, container);
    show(ready());
    expect(container.querySelector('[data-part="open-source"]')).toBeNull();
  });

  it('offers to copy each quote as a citation, in plain text and Markdown', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (s: string) => void copied.push(s) } });
    show(ready());
    const viewpoint = container.querySelector('[data-part="viewpoint"]')!;
    const [plain, markdown] = [...viewpoint.querySelectorAll<HTMLButtonElement>('.copy button')];
    await act(async () => {
      plain!.click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(plain!.textContent).toBe('Copied');
    await act(async () => {
      markdown!.click();
      await new Promise((r) => setTimeout(r, 0));
    });
    const holder = viewpoint.querySelector('h4')!.textContent!;
    const quote = viewpoint.querySelector('blockquote')!.textContent!;
    expect(copied[0]).toContain(`${holder}: “${quote}”`);
    expect(copied[0]).toMatch(/corpus [\w.-]+\.\)$/);
    expect(copied[1]!.startsWith(`> **${holder}:** `)).toBe(true);
    expect(markdown!.textContent).toBe('Copied');
  });
});
