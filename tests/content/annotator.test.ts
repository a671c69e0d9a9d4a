// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/core/matcher';
import { DEFAULT_SETTINGS, withCategory, type Settings } from '../../src/core/settings';
import { createAnnotator, MUTATION_BATCH_MS, type Annotator } from '../../src/content/annotator';
import { miniIndex } from '../core/mini-corpus';

const index = miniIndex();
let annotator: Annotator | null = null;

function setup(html: string, settings: Settings = DEFAULT_SETTINGS) {
  document.title = '';
  document.body.innerHTML = html;
  const before = { text: document.body.textContent, html: document.body.innerHTML };
  annotator = createAnnotator({ doc: document, index, matcher: createMatcher(index) });
  return { before, ready: annotator.apply(settings, true) };
}

const marked = () =>
  [...document.querySelectorAll('mark[data-annotation-id]')].map((m) => [m.textContent, m.getAttribute('data-annotation-id'), m.getAttribute('data-annotation-category')]);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(() => {
  annotator?.destroy();
  annotator = null;
});

describe('annotator', () => {
  it('highlights mentions per the page contract and leaves the text as it was', async () => {
    const { before, ready } = setup('<h2>Shikotan</h2><p>Japan calls them the Northern <em>Territories</em>; the 1956 Declaration mentions two islands.</p>');
    await ready;
    expect(marked()).toEqual([
      ['Shikotan', 'shikotan', 'places'],
      ['Northern ', 'northern-territories', 'places'],
      ['Territories', 'northern-territories', 'places'],
      ['1956 Declaration', 'joint-declaration-1956', 'agreements'],
    ]);
    expect(document.body.textContent).toBe(before.text);
  });

  it('does not join text across blocks into one word or one mention', async () => {
    const { ready } = setup('<ul><li>Northern</li><li>Territories</li></ul><h3>Shikotan</h3><p>Island life</p>');
    await ready;
    expect(marked()).toEqual([['Shikotan', 'shikotan', 'places']]);
  });

  it('never touches excluded zones', async () => {
    const zones =
      '<input value="Shikotan"><textarea>Shikotan</textarea><div contenteditable="true">Shikotan</div>' +
      '<pre>Shikotan</pre><code>Shikotan</code><script>var s = "Shikotan";</script><style>.Shikotan{}</style>' +
      '<svg><text>Shikotan</text></svg><button>Shikotan</button><select><option>Shikotan</option></select>';
    const { ready } = setup(`<div id="z">${zones}</div><p>Shikotan</p>`);
    await ready;
    expect(document.getElementById('z')!.innerHTML).toBe(zones);
    expect(marked()).toEqual([['Shikotan', 'shikotan', 'places']]);
  });

  it('restores the original DOM when switched off', async () => {
    const { before, ready } = setup('<p>The <b>Northern</b> Territories and Shikotan, <i>Hokkaidō</i>.</p><p>Text</p>');
    await ready;
    expect(marked().length).toBeGreaterThan(2);
    await annotator!.apply(DEFAULT_SETTINGS, false);
    expect(document.body.innerHTML).toBe(before.html);
    expect(marked()).toEqual([]);
  });

  it('hides a category switched off and brings it back', async () => {
    const { ready } = setup('<p>Shikotan and the 1956 Declaration.</p>');
    await ready;
    await annotator!.apply(withCategory(DEFAULT_SETTINGS, 'places', false), true);
    expect(marked()).toEqual([['1956 Declaration', 'joint-declaration-1956', 'agreements']]);
    await annotator!.apply(DEFAULT_SETTINGS, true);
    expect(marked().map((m) => m[1])).toEqual(['shikotan', 'joint-declaration-1956']);
  });

  it('can highlight only the first mention of each topic', async () => {
    const { ready } = setup('<p>Shikotan, Shikotan.</p><p>Shikotan and Hokkaido.</p>', { ...DEFAULT_SETTINGS, mentionMode: 'first' });
    await ready;
    expect(marked().map((m) => m[1])).toEqual(['shikotan', 'hokkaido']);
  });

  it('counts mentions per category and topic, one per mention however many marks', async () => {
    const { ready } = setup('<p>Northern <em>Territories</em>, Shikotan, Shikotan, 1956 Declaration.</p>');
    await ready;
    expect(annotator!.counts()).toEqual({
      total: 4,
      conflicts: 0,
      byCategory: { places: 3, agreements: 1 },
      byTopic: { 'northern-territories': 1, shikotan: 2, 'joint-declaration-1956': 1 },
    });
  });

  it('tells which mention an element belongs to, with the alias that matched', async () => {
    const { ready } = setup('<p>Northern <em>Territories</em></p>');
    await ready;
    const pieces = [...document.querySelectorAll('mark')];
    const a = annotator!.mentionOf(pieces[0]!);
    expect(a).toMatchObject({ head: { id: 'northern-territories' }, alias: 'Northern Territories', rule: 'alias' });
    expect(annotator!.mentionOf(pieces[1]!)).toBe(a);
    expect(a!.anchor).toBe(pieces[0]);
  });

  it('annotates content added later, without reacting to its own changes', async () => {
    const { ready } = setup('<p>Shikotan</p><div id="feed"></div>');
    await ready;
    const feed = document.getElementById('feed')!;
    const p = document.createElement('p');
    p.textContent = 'Later: the Northern Territories.';
    feed.append(p);
    await wait(MUTATION_BATCH_MS + 100);
    expect(marked().map((m) => m[1])).toEqual(['shikotan', 'northern-territories']);
    const measures = performance.getEntriesByName('backstory:scan').length;
    await wait(MUTATION_BATCH_MS + 100);
    expect(performance.getEntriesByName('backstory:scan').length).toBe(measures);
  });

  it('records each scan as a performance measure', async () => {
    performance.clearMeasures('backstory:scan');
    const { ready } = setup('<p>Shikotan</p>');
    await ready;
    expect(performance.getEntriesByName('backstory:scan')).toHaveLength(1);
  });
});

describe('pages that re-render', () => {
  it('steps aside when the page rewrites a text node it split, then highlights the new text', async () => {
    const { ready } = setup('<p id="live"></p>');
    const live = document.getElementById('live')!;
    // Like a framework: the page keeps its own reference to the text node and updates it later.
    const text = document.createTextNode('Talks on Shikotan resumed.');
    live.append(text);
    await ready;
    await wait(MUTATION_BATCH_MS + 50);
    expect(marked()).toEqual([['Shikotan', 'shikotan', 'places']]);
    text.data = 'Now the 1956 Declaration is back on the table.';
    expect(live.textContent).not.toBe(text.data); // our stale pieces are still there for a moment
    await wait(MUTATION_BATCH_MS + 100);
    expect(live.textContent).toBe('Now the 1956 Declaration is back on the table.');
    expect(marked()).toEqual([['1956 Declaration', 'joint-declaration-1956', 'agreements']]);
  });

  it('removes its pieces when the page removes a text node it split', async () => {
    const { ready } = setup('<p id="p">Before. Shikotan after.</p>');
    await ready;
    const p = document.getElementById('p')!;
    const own = p.firstChild!; // the page's node, now holding "Before. "
    expect(own.textContent).toBe('Before. ');
    p.removeChild(own);
    await wait(MUTATION_BATCH_MS + 100);
    expect(p.textContent).toBe('');
  });

  it('restores the DOM node for node, keeping adjacent text nodes apart', async () => {
    document.body.innerHTML = '<p id="p"></p>';
    const p = document.getElementById('p')!;
    const nodes = [document.createTextNode('Shikotan and '), document.createTextNode('Northern Territories')];
    p.append(...nodes);
    annotator = createAnnotator({ doc: document, index, matcher: createMatcher(index) });
    await annotator.apply(DEFAULT_SETTINGS, true);
    expect(marked()).toHaveLength(2);
    await annotator.apply(DEFAULT_SETTINGS, false);
    expect([...p.childNodes]).toEqual(nodes);
    expect(nodes.map((n) => n.data)).toEqual(['Shikotan and ', 'Northern Territories']);
  });
});

describe('runs of text', () => {
  it('does not join words across a skipped zone', async () => {
    const { ready } = setup('<p>Northern<textarea>x</textarea>Territories and Shikotan<code>x</code>ese</p>');
    await ready;
    expect(marked().map((m) => m[0])).toEqual(['Shikotan']);
  });
});

describe('page-level context', () => {
  it('keeps an ambiguous name without context nearby when the page is plainly about the dispute', async () => {
    const { ready } = setup('<h2>Abe in the news</h2><p>Shikotan, Hokkaidō and the Northern Territories.</p>');
    await ready;
    expect(marked().map((m) => [m[0], m[1]])).toEqual([
      ['Abe', 'abe'],
      ['Shikotan', 'shikotan'],
      ['Hokkaidō', 'hokkaido'],
      ['Northern Territories', 'northern-territories'],
    ]);
  });

  it('drops it on a page that only mentions the dispute in passing', async () => {
    const { ready } = setup('<h2>Abe in the news</h2><p>A trip to Hokkaidō.</p>');
    await ready;
    expect(marked().map((m) => m[1])).toEqual(['hokkaido']);
  });
});
