// @vitest-environment happy-dom
// The annotator in both paint modes: what it finds, how it shows it (highlights leave the DOM
// alone; marks follow the <mark> contract), and how it follows settings and the page's changes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotator } from '../../src/content/annotator';
import type { PageMention } from '../../src/content/mentions';
import { HIGHLIGHT_LIMIT } from '../../src/content/paint-highlights';
import { MUTATION_BATCH_MS } from '../../src/content/page-watcher';
import { DEFAULT_SETTINGS, withCategory, type Settings } from '../../src/core/settings';
import { miniIndex } from '../core/mini-corpus';
import { highlightedMentions, installHighlightApi, PAINT_MODES, rangeText, testAnnotator } from '../support/content';

const index = miniIndex();
let annotator: Annotator | null = null;
let controller: AbortController | null = null;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function start(settings: Settings) {
  controller = new AbortController();
  annotator = testAnnotator(index, { signal: controller.signal });
  return annotator.apply(settings, true);
}

const textOf = (m: PageMention) => m.text;
/** Mentions as [text, topic id, category], in reading order, whatever the mode. */
const found = () => annotator!.mentions().map((m) => [textOf(m), m.head.id, m.head.category]);
const marks = () =>
  [...document.querySelectorAll('mark[data-annotation-id]')].map((m) => [
    m.textContent,
    m.getAttribute('data-annotation-id'),
    m.getAttribute('data-annotation-category'),
  ]);

afterEach(() => {
  controller?.abort();
  annotator = null;
});

for (const mode of PAINT_MODES) {
  describe(`annotator (${mode})`, () => {
    let uninstall: () => void = () => undefined;
    beforeEach(() => {
      if (mode === 'highlights') uninstall = installHighlightApi();
    });
    afterEach(() => uninstall());

    const settings: Settings = { ...DEFAULT_SETTINGS, paintMode: mode };
    function setup(html: string, s: Settings = settings) {
      document.title = '';
      document.body.innerHTML = html;
      const before = { text: document.body.textContent, html: document.body.innerHTML };
      return { before, ready: start(s) };
    }

    it('finds mentions, a name split by an inline element as one mention, and leaves the text as it was', async () => {
      const { before, ready } = setup(
        '<h2>Shikotan</h2><p>Japan calls them the Northern <em>Territories</em>; the 1956 Declaration mentions two islands.</p>',
      );
      await ready;
      expect(found()).toEqual([
        ['Shikotan', 'shikotan', 'places'],
        ['Northern Territories', 'northern-territories', 'places'],
        ['1956 Declaration', 'joint-declaration-1956', 'agreements'],
      ]);
      expect(document.body.textContent).toBe(before.text);
      if (mode === 'highlights') {
        // Painted, not written: the body is exactly as parsed, one range per mention.
        expect(document.body.innerHTML).toBe(before.html);
        expect(highlightedMentions(document)).toEqual([
          ['Shikotan', 'places'],
          ['Northern Territories', 'places'],
          ['1956 Declaration', 'agreements'],
        ]);
      } else {
        expect(marks()).toEqual([
          ['Shikotan', 'shikotan', 'places'],
          ['Northern ', 'northern-territories', 'places'],
          ['Territories', 'northern-territories', 'places'],
          ['1956 Declaration', 'joint-declaration-1956', 'agreements'],
        ]);
      }
    });

    it('does not join text across blocks into one word or one mention', async () => {
      const { ready } = setup('<ul><li>Northern</li><li>Territories</li></ul><h3>Shikotan</h3><p>Island life</p>');
      await ready;
      expect(found()).toEqual([['Shikotan', 'shikotan', 'places']]);
    });

    it('finds the names in a long table, cells read together or not', async () => {
      const row = (i: number) => `<tr><td>${i}</td><td>${i % 50 === 7 ? 'Shikotan' : 'Lisbon'}</td><td>${i % 50 === 9 ? 'Kurils' : 'PA'}</td></tr>`;
      const { ready } = setup(`<table><tbody>${Array.from({ length: 200 }, (_, i) => row(i)).join('')}</tbody></table>`);
      await ready;
      const ids = found().map((f) => f[1]);
      expect(ids.filter((id) => id === 'shikotan')).toHaveLength(4);
      expect(ids.filter((id) => id === 'kurils')).toHaveLength(4);
    });

    it('never touches or reads excluded zones', async () => {
      const zones =
        '<input value="Shikotan"><textarea>Shikotan</textarea><div contenteditable="true">Shikotan</div>' +
        '<pre>Shikotan</pre><code>Shikotan</code><script>var s = "Shikotan";</script><style>.Shikotan{}</style>' +
        '<svg><text>Shikotan</text></svg><button>Shikotan</button><select><option>Shikotan</option></select>';
      const { ready } = setup(`<div id="z">${zones}</div><p>Shikotan</p>`);
      await ready;
      expect(document.getElementById('z')!.innerHTML).toBe(zones);
      expect(found()).toEqual([['Shikotan', 'shikotan', 'places']]);
    });

    it('restores the original DOM and clears every highlight when switched off', async () => {
      const { before, ready } = setup('<p>The <b>Northern</b> Territories and Shikotan, <i>Hokkaidō</i>.</p><p>Text</p>');
      await ready;
      expect(found().length).toBe(3);
      await annotator!.apply(settings, false);
      expect(document.body.innerHTML).toBe(before.html);
      expect(marks()).toEqual([]);
      expect(highlightedMentions(document)).toEqual([]);
      expect(annotator!.counts().total).toBe(0);
    });

    it('hides a category switched off and brings it back', async () => {
      const { ready } = setup('<p>Shikotan and the 1956 Declaration.</p>');
      await ready;
      await annotator!.apply(withCategory(settings, 'places', false), true);
      expect(found()).toEqual([['1956 Declaration', 'joint-declaration-1956', 'agreements']]);
      if (mode === 'highlights') expect(highlightedMentions(document)).toEqual([['1956 Declaration', 'agreements']]);
      await annotator!.apply(settings, true);
      expect(found().map((m) => m[1])).toEqual(['shikotan', 'joint-declaration-1956']);
    });

    it('can show only the first mention of each topic', async () => {
      const { ready } = setup('<p>Shikotan, Shikotan.</p><p>Shikotan and Hokkaido.</p>', { ...settings, mentionMode: 'first' });
      await ready;
      expect(found().map((m) => m[1])).toEqual(['shikotan', 'hokkaido']);
    });

    it('counts mentions per category and topic, one per mention however it is split', async () => {
      const { ready } = setup('<p>Northern <em>Territories</em>, Shikotan, Shikotan, 1956 Declaration.</p>');
      await ready;
      expect(annotator!.counts()).toEqual({
        total: 4,
        conflicts: 0,
        byCategory: { places: 3, agreements: 1 },
        byTopic: { 'northern-territories': 1, shikotan: 2, 'joint-declaration-1956': 1 },
      });
    });

    it('annotates content added later, once, without reacting to its own work', async () => {
      const { ready } = setup('<p>Shikotan</p><div id="feed"></div>');
      await ready;
      const p = document.createElement('p');
      p.textContent = 'Later: the Northern Territories.';
      document.getElementById('feed')!.append(p);
      await wait(MUTATION_BATCH_MS + 100);
      expect(found().map((m) => m[1])).toEqual(['shikotan', 'northern-territories']);
      const measures = performance.getEntriesByName('backstory:scan').length;
      await wait(MUTATION_BATCH_MS + 100);
      expect(performance.getEntriesByName('backstory:scan').length).toBe(measures);
      expect(annotator!.counts().total).toBe(2);
    });

    it('records each scan as a performance measure', async () => {
      performance.clearMeasures('backstory:scan');
      const { ready } = setup('<p>Shikotan</p>');
      await ready;
      expect(performance.getEntriesByName('backstory:scan')).toHaveLength(1);
    });

    it('drops what the page changed under a mention and finds what the new text says', async () => {
      const { ready } = setup('<p id="live"></p>');
      const live = document.getElementById('live')!;
      // Like a framework: the page keeps its own reference to the text node and updates it later.
      const text = document.createTextNode('Talks on Shikotan resumed.');
      live.append(text);
      await ready;
      await wait(MUTATION_BATCH_MS + 50);
      expect(found()).toEqual([['Shikotan', 'shikotan', 'places']]);
      text.data = 'Now the 1956 Declaration is back on the table.';
      await wait(MUTATION_BATCH_MS + 100);
      expect(live.textContent).toBe('Now the 1956 Declaration is back on the table.');
      expect(found()).toEqual([['1956 Declaration', 'joint-declaration-1956', 'agreements']]);
      if (mode === 'highlights') expect(highlightedMentions(document)).toEqual([['1956 Declaration', 'agreements']]);
      expect(annotator!.counts().byTopic).toEqual({ 'joint-declaration-1956': 1 });
    });

    it('forgets mentions whose text the page removed', async () => {
      const { ready } = setup('<p id="p">Before. Shikotan after.</p><p>Hokkaido</p>');
      await ready;
      document.getElementById('p')!.remove();
      await wait(MUTATION_BATCH_MS + 100);
      expect(found()).toEqual([['Hokkaido', 'hokkaido', 'places']]);
      expect(annotator!.counts().total).toBe(1);
    });

    it('leaves the page’s own text nodes as they were, adjacent ones apart', async () => {
      document.body.innerHTML = '<p id="p"></p>';
      const p = document.getElementById('p')!;
      const nodes = [document.createTextNode('Shikotan and '), document.createTextNode('Northern Territories')];
      p.append(...nodes);
      await start(settings);
      expect(found()).toHaveLength(2);
      await annotator!.apply(settings, false);
      expect([...p.childNodes]).toEqual(nodes);
      expect(nodes.map((n) => n.data)).toEqual(['Shikotan and ', 'Northern Territories']);
    });

    it('does not join words across a skipped zone', async () => {
      const { ready } = setup('<p>Northern<textarea>x</textarea>Territories and Shikotan<code>x</code>ese</p>');
      await ready;
      expect(found().map((m) => m[0])).toEqual(['Shikotan']);
    });

    it('keeps an ambiguous name without context nearby when the page is plainly about the dispute', async () => {
      const { ready } = setup('<h2>Abe in the news</h2><p>Shikotan, Hokkaidō and the Northern Territories.</p>');
      await ready;
      expect(found().map((m) => [m[0], m[1]])).toEqual([
        ['Abe', 'abe'],
        ['Shikotan', 'shikotan'],
        ['Hokkaidō', 'hokkaido'],
        ['Northern Territories', 'northern-territories'],
      ]);
    });

    it('holds an ambiguous name back, even with Japan and Russia named nearby, on a page that never names the dispute itself', async () => {
      const { ready } = setup('<h2>World news</h2><p>Abe met Japanese and Russian officials in Moscow.</p>');
      await ready;
      expect(found()).toEqual([]);
    });

    it('shows it once the page names the dispute, even further down', async () => {
      const { ready } = setup('<h2>World news</h2><p>Abe met Japanese and Russian officials in Moscow.</p><p>Later, Shikotan came up.</p>');
      await ready;
      expect(found().map((m) => [m[0], m[1]])).toEqual([
        ['Abe', 'abe'],
        ['Shikotan', 'shikotan'],
      ]);
    });

    it('reads the page as about the dispute from a name in a category the reader switched off', async () => {
      const { ready } = setup('<p>Abe met Japanese and Russian officials; Shikotan came up.</p>', { ...settings, categories: { places: false } });
      await ready;
      expect(found().map((m) => [m[0], m[1]])).toEqual([['Abe', 'abe']]);
    });

    it('drops it on a page that only mentions the dispute in passing', async () => {
      const { ready } = setup('<h2>Abe in the news</h2><p>A trip to Hokkaidō.</p>');
      await ready;
      expect(found().map((m) => m[1])).toEqual(['hokkaido']);
    });

    it('moves through mentions in reading order, cycling, and by topic', async () => {
      const { ready } = setup('<p>Shikotan and Hokkaido.</p><p>Shikotan again.</p>');
      await ready;
      const first = annotator!.nextMention(null, null)!;
      const second = annotator!.nextMention(null, first)!;
      const third = annotator!.nextMention(null, second)!;
      expect([first, second, third].map((m) => [textOf(m), m.head.id])).toEqual([
        ['Shikotan', 'shikotan'],
        ['Hokkaido', 'hokkaido'],
        ['Shikotan', 'shikotan'],
      ]);
      expect(annotator!.nextMention(null, third)).toBe(first);
      expect(annotator!.nextMention('shikotan', first)).toBe(third);
      expect(annotator!.nextMention('hokkaido', first)).toBe(second);
    });

    it('keeps what it shows when the page adds text beside it, and reads the new text too', async () => {
      const { ready } = setup('<p id="p">Shikotan and Hokkaidō.</p>');
      await ready;
      document.getElementById('p')!.append(' Shikotan again.');
      await wait(MUTATION_BATCH_MS + 100);
      expect(found().map((m) => m[0])).toEqual(['Shikotan', 'Hokkaidō', 'Shikotan']);
      expect(document.getElementById('p')!.textContent).toBe('Shikotan and Hokkaidō. Shikotan again.');
    });

    it('keeps the first mention of a topic in first-mention mode when its block is read again', async () => {
      const { ready } = setup('<p id="p">Shikotan is here.</p><p>Shikotan there.</p>', { ...settings, mentionMode: 'first' });
      await ready;
      document.getElementById('p')!.append(' More.');
      await wait(MUTATION_BATCH_MS + 100);
      expect(found().map((m) => m[1])).toEqual(['shikotan']);
      expect(annotator!.counts().total).toBe(1);
    });

    it('finds a name across an inline element again when the page re-renders part of it', async () => {
      const { ready } = setup('<p>Japan: Northern <em id="em">Territories</em> now</p>');
      await ready;
      const em = document.getElementById('em')!;
      (em.firstChild as Text).data = 'Territories';
      await wait(MUTATION_BATCH_MS + 100);
      expect(found().map((m) => m[0])).toEqual(['Northern Territories']);
    });

    it('counts a block read again once toward the page being about the dispute', async () => {
      // One unambiguous mention, read again and again by a ticking clock in its block.
      const { ready } = setup('<h2>Abe in the news</h2><p id="p">Shikotan <span id="clock">0</span></p>');
      await ready;
      for (let i = 1; i <= 4; i++) {
        (document.getElementById('clock')!.firstChild as Text).data = String(i);
        await wait(MUTATION_BATCH_MS + 50);
      }
      expect(found().map((m) => m[1])).toEqual(['shikotan']);
    });

    it('says its counts may have changed on every change to what it shows, and only then', async () => {
      document.title = '';
      document.body.innerHTML = '<p>Talks on Shikotan stalled.</p>';
      controller = new AbortController();
      const seen: number[] = [];
      annotator = testAnnotator(index, { signal: controller.signal, onCountsChanged: () => seen.push(annotator!.counts().total) });
      await annotator.apply(settings, true);
      expect(seen.at(-1)).toBe(1);
      // The only category with mentions switched off: the page then shows nothing, and says so.
      await annotator.apply(withCategory(settings, 'places', false), true);
      expect(seen.at(-1)).toBe(0);
      const calls = seen.length;
      // A page that shows nothing and changes nothing says nothing.
      await annotator.apply(withCategory(withCategory(settings, 'places', false), 'people', false), true);
      expect(seen).toHaveLength(calls);
    });

    it('skips a subtree nested beyond any prose and says so, scanning the rest', async () => {
      let deep = '<span>Shikotan</span>';
      for (let i = 0; i < 400; i++) deep = `<span>${deep}</span>`;
      const { ready } = setup(`<p>Hokkaido</p><div>${deep}</div><p>Shikotan</p>`);
      await ready;
      expect(found().map((m) => m[1])).toEqual(['hokkaido', 'shikotan']);
      expect(annotator!.skipped).toBe(1);
    });
  });
}

describe('annotator (highlights), batches painted while the scan goes on', () => {
  // Marks are painted once, at the scan's end: only highlights show batches found earlier.
  it('never shows a mention found in a long text the page replaced while it was still being searched', async () => {
    const uninstall = installHighlightApi();
    // The page replaces the long text right after the first batch is painted (its own code, run
    // before the scan's next slice), while the scan still searches the text it read before.
    const proto = (window as unknown as { Highlight: { prototype: Set<AbstractRange> } }).Highlight.prototype;
    let replaced = false;
    proto.add = function add(this: Set<AbstractRange>, range: AbstractRange) {
      if (!replaced && rangeText(document, range) === 'Shikotan') {
        replaced = true;
        queueMicrotask(() => void (document.getElementById('long')!.textContent = 'The page replaced this text.'));
      }
      return Set.prototype.add.call(this, range);
    };
    // Time runs fifty times as fast for the slicer and the pacer: more batches are painted while
    // the long text is searched a window per slice.
    const realNow = window.performance.now.bind(window.performance);
    const t0 = realNow();
    window.performance.now = () => t0 + (realNow() - t0) * 50;
    try {
      const filler = 'lorem ipsum dolor '.repeat(60_000);
      document.title = '';
      document.body.innerHTML = `<p>Shikotan</p><div id="long">${filler}Kuril Islands and more ${filler}</div>`;
      await start({ ...DEFAULT_SETTINGS, paintMode: 'highlights' });
      expect(replaced).toBe(true);
      expect(found().map(([text]) => text)).toEqual(['Shikotan']);
      expect(highlightedMentions(document).map(([text]) => text)).toEqual(['Shikotan']);
      expect(annotator!.counts().total).toBe(1);
    } finally {
      window.performance.now = realNow;
      Reflect.deleteProperty(proto, 'add');
      uninstall();
    }
  }, 60_000);
});

describe('annotator (highlights), a page with more mentions than can be painted at once', () => {
  it('shows the first HIGHLIGHT_LIMIT in reading order, says how many more there are, and counts only what it shows', async () => {
    const uninstall = installHighlightApi();
    try {
      const extra = 30;
      // Ten mentions a paragraph, written the ways a long archive page repeats names.
      const names = ['Shikotan', 'the Kuril Islands', 'Hokkaidō', 'the Northern Territories', 'the 1956 Declaration'];
      const paragraphs = Array.from({ length: (HIGHLIGHT_LIMIT + extra) / 10 }, (_, i) => {
        const said = Array.from({ length: 10 }, (_, k) => `${names[(i + k) % names.length]} (${i}.${k})`).join(', ');
        return `<p id="p${i}">Item ${i}: ${said}.</p>`;
      });
      document.title = '';
      document.body.innerHTML = paragraphs.join('');
      await start({ ...DEFAULT_SETTINGS, paintMode: 'highlights' });
      expect(highlightedMentions(document)).toHaveLength(HIGHLIGHT_LIMIT);
      expect(annotator!.counts().total).toBe(HIGHLIGHT_LIMIT);
      expect(annotator!.unshown).toBe(extra);
      // The reader starts at the top: what is left out is the end of the page.
      const last = document.getElementById(`p${paragraphs.length - 1}`)!;
      const first = document.getElementById('p0')!;
      const shownIn = (p: Element) => annotator!.mentions().filter((m) => p.contains(m.start.node)).length;
      expect(shownIn(first)).toBe(10);
      expect(shownIn(last)).toBe(0);
      // The page rewrites a paragraph past the limit: read again, its mentions are counted once, not twice.
      last.textContent = `${last.textContent} (updated)`;
      await wait(MUTATION_BATCH_MS + 100);
      await annotator!.checkAll();
      expect(annotator!.unshown).toBe(extra);
      expect(highlightedMentions(document)).toHaveLength(HIGHLIGHT_LIMIT);
      // …and once the page removes it, its ten mentions no longer count as left out.
      last.remove();
      expect(annotator!.unshown).toBe(extra - 10);
      // Switched off and on, the page (less that paragraph) is read afresh: the same limit, the rest left out.
      await annotator!.apply(withCategory({ ...DEFAULT_SETTINGS, paintMode: 'highlights' }, 'places', false), true);
      expect(annotator!.unshown).toBe(0);
      await annotator!.apply({ ...DEFAULT_SETTINGS, paintMode: 'highlights' }, true);
      expect(highlightedMentions(document)).toHaveLength(HIGHLIGHT_LIMIT);
      expect(annotator!.unshown).toBe(extra - 10);
    } finally {
      uninstall();
    }
  }, 60_000);
});

describe('without the CSS Custom Highlight API', () => {
  it('falls back to marks', async () => {
    document.body.innerHTML = '<p>Shikotan</p>';
    await start(DEFAULT_SETTINGS);
    expect(annotator!.mode).toBe('marks');
    expect(marks()).toEqual([['Shikotan', 'shikotan', 'places']]);
  });
});

describe('marks', () => {
  it('gives each topic at most one tab stop, its first mention', async () => {
    document.body.innerHTML = '<p>Shikotan, Hokkaido, Shikotan, Shikotan.</p>';
    await start({ ...DEFAULT_SETTINGS, paintMode: 'marks' });
    const stops = [...document.querySelectorAll('mark[data-annotation-id]')].map((m) => [
      m.getAttribute('data-annotation-id'),
      m.getAttribute('tabindex'),
    ]);
    expect(stops).toEqual([
      ['shikotan', '0'],
      ['hokkaido', '0'],
      ['shikotan', '-1'],
      ['shikotan', '-1'],
    ]);
  });

  it('drops a mark whose text the page edits, keeping the page’s edit', async () => {
    document.body.innerHTML = '<p id="p">Talks on Shikotan resumed.</p>';
    await start({ ...DEFAULT_SETTINGS, paintMode: 'marks' });
    (document.querySelector('mark')!.firstChild as Text).data = 'Sakhalin';
    await wait(MUTATION_BATCH_MS + 100);
    expect(document.getElementById('p')!.textContent).toBe('Talks on Sakhalin resumed.');
    expect(marks()).toEqual([]);
    expect(annotator!.counts().total).toBe(0);
  });

  it('tells which mention a mark belongs to, with the alias that matched', async () => {
    document.body.innerHTML = '<p>Northern <em>Territories</em></p>';
    await start({ ...DEFAULT_SETTINGS, paintMode: 'marks' });
    const pieces = [...document.querySelectorAll('mark')];
    const a = annotator!.mentionOf(pieces[0]!);
    expect(a).toMatchObject({ head: { id: 'northern-territories' }, alias: 'Northern Territories', rule: 'alias' });
    expect(annotator!.mentionOf(pieces[1]!)).toBe(a);
    expect(annotator!.focus(a!)).toBe(pieces[0]);
  });
});
