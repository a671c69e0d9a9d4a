// @vitest-environment happy-dom
// The page's text searched by the background: an answer that arrives after the reader switched
// Backstory off shows nothing, and the page switched on again shows each mention once; an answer
// that doesn't fit its text is not trusted (the page searches that text itself).
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
// @ts-expect-error: plain ESM build script
import { compileCorpus } from '../../build.mjs';

import { ASKED_BATCH_CHARS, ASKED_BATCH_RUNS, FIRST_ASKED_CHARS } from '../../src/content/scan';
import type { CompiledIndex } from '../../src/core/corpus-types';
import { answerMatch, askingBackground, type MatchRequest, type PageMatcher } from '../../src/core/match-request';
import { createMatcher, RUN_SEPARATOR } from '../../src/core/matcher';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { mentionsOnPage } from '../fixtures/mentions-on-page';
import type { ClaimChecker } from '../../src/core/claims-request';
import { askingTestMatcher, testAnnotator, testChecker } from '../support/content';

let index: CompiledIndex;
beforeAll(async () => {
  index = (await compileCorpus()).index;
});

const controller = { current: new AbortController() };
afterEach(() => {
  controller.current.abort();
  document.body.innerHTML = '';
});

const PAGE =
  '<p>Japan and Russia still argue over the Northern Territories.</p><p>Lavrov met his Japanese counterpart; Shikotan was not on the agenda.</p>';
const EXPECTED = [
  ['Northern Territories', 'northern-territories'],
  ['Lavrov', 'sergei-lavrov'],
  ['Shikotan', 'shikotan'],
];
const settings = { ...DEFAULT_SETTINGS, paintMode: 'marks' as const };

/** A background whose answers wait until `release()`; `rewrite` changes what it answers. */
function heldBackground(rewrite: (answer: ReturnType<typeof answerMatch>, request: MatchRequest) => unknown = (a) => a) {
  const own = createMatcher(index);
  const held: Array<() => void> = [];
  let holding = true;
  const ask = (request: MatchRequest) =>
    new Promise<unknown>((resolve) => {
      const answer = () => resolve(rewrite(answerMatch(own, structuredClone(request)), request));
      if (holding) held.push(answer);
      else answer();
    });
  return {
    matcher: askingBackground({ ask, local: async () => createMatcher(index), topics: index.topics.length }),
    release() {
      holding = false;
      for (const answer of held.splice(0)) answer();
    },
    /** Later requests are answered at once; those held stay unanswered. */
    answerLater() {
      holding = false;
    },
  };
}

function annotator(matcher: PageMatcher, checker: ClaimChecker = testChecker) {
  // One annotator on the page at a time: an earlier one left running would scan the next page too.
  controller.current.abort();
  controller.current = new AbortController();
  return testAnnotator(index, { matcher, checker, signal: controller.current.signal });
}

/** The page's mentions annotated with the page's own matcher, then with the background searching its text. */
async function bothWays(page: string, paintMode: 'marks' | 'highlights' = 'marks') {
  const settings = { ...DEFAULT_SETTINGS, paintMode };
  document.body.innerHTML = page;
  await annotator(createMatcher(index)).apply(settings, true);
  const here = mentionsOnPage(document);
  controller.current.abort();
  document.body.innerHTML = page;
  await annotator(askingTestMatcher(index).matcher).apply(settings, true);
  return { here, asked: mentionsOnPage(document) };
}

/** Prose that names nothing, longer than a batch searched in the page. */
const FILLER = ' The island has hot springs, volcanoes and a small fish-processing plant.'.repeat(40);

const mentionIds = () => mentionsOnPage(document);
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('mentions found by the background', () => {
  it('shows nothing from an answer that came after Backstory was switched off, and each mention once when switched on again', async () => {
    document.body.innerHTML = PAGE;
    const background = heldBackground();
    const a = annotator(background.matcher);
    const first = a.apply(settings, true);
    await settle();
    await a.apply(settings, false);
    background.release();
    await first;
    await settle();
    expect(mentionIds()).toEqual([]);
    expect(document.body.innerHTML).toBe(PAGE);
    await a.apply(settings, true);
    expect(mentionIds()).toEqual(EXPECTED);
  });

  it('searches the text itself when an answer does not fit it', async () => {
    const wrongAnswers = [
      (a: ReturnType<typeof answerMatch>, r: MatchRequest) => ({ ...a, mentions: [{ ...a.mentions[0], end: r.text.length + 3 }] }),
      (a: ReturnType<typeof answerMatch>) => ({ ...a, mentions: [{ ...a.mentions[0], topic: index.topics.length }] }),
      (a: ReturnType<typeof answerMatch>) => ({ ...a, mentions: [...a.mentions].reverse() }),
      (a: ReturnType<typeof answerMatch>) => ({ ...a, lookalikes: ['etorofu'] }),
      () => 'nothing',
    ];
    for (const rewrite of wrongAnswers) {
      document.body.innerHTML = PAGE;
      const background = heldBackground(rewrite);
      background.release();
      await annotator(background.matcher).apply(settings, true);
      expect(mentionIds(), String(rewrite)).toEqual(EXPECTED);
      controller.current.abort();
    }
  });

  it("shows the same mentions as the page's own search when a look-alike stands far after a name", async () => {
    document.title = '';
    // "Etorofu-class" (the escort ships) shadows the island's names only from the run that names it on.
    const page = `<p>Etorofu Island is the largest of the islands.${FILLER}</p><p>The Etorofu-class escort ships were built in 1943.</p>`;
    const { here, asked } = await bothWays(page);
    expect(here).toEqual([['Etorofu Island', 'etorofu']]);
    expect(asked).toEqual(here);
  });

  it('shows the same mentions either way when the title names a look-alike', async () => {
    document.title = 'Etorofu-class escort ship';
    const { here, asked } = await bothWays('<p>Etorofu Island is the largest of the islands.</p>');
    expect(asked).toEqual(here);
    document.title = '';
  });

  it('switched off and on while an answer is awaited, shows the page without waiting for it', async () => {
    document.body.innerHTML = PAGE;
    const background = heldBackground();
    const a = annotator(background.matcher);
    void a.apply(settings, true);
    await settle();
    await a.apply(settings, false);
    // The held answer never comes; the next scan's requests are answered at once.
    background.answerLater();
    const again = a.apply(settings, true);
    const outcome = await Promise.race([again.then(() => 'done'), new Promise((r) => setTimeout(() => r('stalled'), 1_000))]);
    expect(outcome).toBe('done');
    expect(mentionIds()).toEqual(EXPECTED);
  });

  it('switched off and on while statements are being checked, shows the page without waiting for the verdicts', async () => {
    document.title = 'Japan and Russia at the UN';
    document.body.innerHTML = '<p>At the UN, ES-11/1 was supported by 143 member states.</p>';
    let held = true;
    const checker: ClaimChecker = (request) => (held ? new Promise(() => {}) : testChecker(request));
    const a = annotator(createMatcher(index), checker);
    void a.apply(settings, true);
    await settle();
    await a.apply(settings, false);
    held = false;
    const again = a.apply(settings, true);
    const outcome = await Promise.race([again.then(() => 'done'), new Promise((r) => setTimeout(() => r('stalled'), 1_000))]);
    expect(outcome).toBe('done');
    expect(document.querySelectorAll('mark[data-annotation-check="conflict"]').length).toBe(1);
    document.title = '';
  });

  it('asks about a small first batch on a page, then twice as much each time up to a cap, and full ones on later scans', async () => {
    document.title = 'Japan and Russia';
    const sentence = 'Shikotan has hot springs, volcanoes and a small fish-processing plant, the islanders say. ';
    const paragraph = `<p>${sentence.repeat(5)}</p>`;
    document.body.innerHTML = paragraph.repeat(120);
    const own = createMatcher(index);
    const sizes: number[] = [];
    const ask = (request: MatchRequest) => {
      sizes.push(request.text.length);
      return Promise.resolve(answerMatch(own, structuredClone(request)));
    };
    const a = annotator(askingBackground({ ask, local: async () => own, topics: index.topics.length }));
    await a.apply(settings, true);
    expect(mentionIds()).toHaveLength(600);
    // A batch ends with the run that fills it: at most one paragraph past its size.
    const slack = sentence.length * 5 + RUN_SEPARATOR.length;
    const near = (size: number, chars: number) => size >= chars && size <= chars + slack;
    const first = sizes.splice(0);
    expect(near(first[0]!, FIRST_ASKED_CHARS)).toBe(true);
    expect(near(first[1]!, FIRST_ASKED_CHARS * 2)).toBe(true);
    expect(first.slice(0, -1).every((size) => size <= ASKED_BATCH_CHARS + slack)).toBe(true);
    expect(first.filter((size) => near(size, ASKED_BATCH_CHARS)).length).toBeGreaterThan(1);
    // Switched off and on: the page has paid for its first large message; the rescan asks full batches.
    await a.apply(settings, false);
    await a.apply(settings, true);
    expect(mentionIds()).toHaveLength(600);
    expect(near(sizes[0]!, ASKED_BATCH_CHARS)).toBe(true);
    document.title = '';
  });

  it("asks about a table's cells a few hundred at a time, so reading a batch stays short", async () => {
    document.title = 'Japan and Russia';
    const cells = Array.from({ length: 3_000 }, (_, i) => `<td>${i % 100 === 0 ? 'Shikotan' : `Abeille ${i}`}</td>`);
    const rows = Array.from({ length: 300 }, (_, r) => `<tr>${cells.slice(r * 10, r * 10 + 10).join('')}</tr>`);
    document.body.innerHTML = `<table>${rows.join('')}</table>`;
    const own = createMatcher(index);
    const asked: string[] = [];
    const ask = (request: MatchRequest) => {
      asked.push(request.text);
      return Promise.resolve(answerMatch(own, structuredClone(request)));
    };
    await annotator(askingBackground({ ask, local: async () => createMatcher(index), topics: index.topics.length })).apply(settings, true);
    expect(mentionIds()).toEqual(Array.from({ length: 30 }, () => ['Shikotan', 'shikotan']));
    expect(asked.length).toBeGreaterThan(1);
    for (const text of asked) expect(text.split(RUN_SEPARATOR).length).toBeLessThanOrEqual(ASKED_BATCH_RUNS);
    document.title = '';
  });
});

describe("the page's own matcher, loaded only on need", () => {
  it('reads the title in the background: a title naming both sides makes the same ambiguous names stand either way', async () => {
    const page = '<p>Abe and Lavrov spoke about Kunashir and the peace treaty.</p><p>Putin said nothing.</p>';
    const byTitle: Array<ReturnType<typeof mentionIds>> = [];
    for (const title of ['Japan and Russia: talks on the islands', 'Weather report']) {
      document.title = title;
      const { here, asked } = await bothWays(page);
      expect(asked, title).toEqual(here);
      byTitle.push(here);
    }
    // The title changes what stands: it is read, not ignored.
    expect(byTitle[0]).not.toEqual(byTitle[1]);
    document.title = '';
  });

  it('searches a run too long to send with its own matcher, loaded then, and the title read with it', async () => {
    // One text node past what a request carries; a title naming the escort ships keeps the island's name from standing.
    const long = `<p>Etorofu Island is the largest of the islands.${FILLER.repeat(15)}</p>`;
    expect(long.length).toBeGreaterThan(32_768);
    const shown = [];
    for (const title of ['Etorofu-class escort ship', 'The islands']) {
      document.title = title;
      const { matcher, counts } = askingTestMatcher(index);
      document.body.innerHTML = long;
      await annotator(createMatcher(index)).apply(settings, true);
      const here = mentionIds();
      controller.current.abort();
      document.body.innerHTML = long;
      await annotator(matcher).apply(settings, true);
      expect(mentionIds(), title).toEqual(here);
      expect(counts.loaded).toBe(1);
      shown.push(here);
    }
    expect(shown).toEqual([[], [['Etorofu Island', 'etorofu']]]);
    document.title = '';
  });

  it('loads it for the walk only on a page of many blocks (a table), not an article', async () => {
    document.title = 'Japan and Russia';
    const article = Array.from({ length: 120 }, (_, i) => `<p>${i % 40 === 0 ? 'Shikotan' : 'Fishing boats'} in paragraph ${i}.</p>`).join('');
    const rows = Array.from({ length: 600 }, (_, i) => `<tr><td>${i % 200 === 0 ? 'Shikotan' : 'Abeille'}</td><td>${i}</td></tr>`).join('');
    const loads = [];
    for (const page of [article, `<table>${rows}</table>`]) {
      const { matcher, counts } = askingTestMatcher(index);
      document.body.innerHTML = page;
      await annotator(matcher).apply(settings, true);
      expect(mentionIds()).toEqual(Array.from({ length: 3 }, () => ['Shikotan', 'shikotan']));
      loads.push(counts.loaded);
      controller.current.abort();
    }
    expect(loads).toEqual([0, 1]);
    document.title = '';
  });

  it('shows nothing, and breaks nothing, when neither the background nor its own matcher can search', async () => {
    document.body.innerHTML = PAGE;
    const fail = () => Promise.reject(new Error('gone'));
    await annotator(askingBackground({ ask: fail, local: fail, topics: index.topics.length })).apply(settings, true);
    expect(mentionIds()).toEqual([]);
    expect(document.body.innerHTML).toBe(PAGE);
  });

  it('reads its own matcher again after a read that failed', async () => {
    let reads = 0;
    const local = async () => {
      if (reads++ === 0) throw new Error('not there yet');
      return createMatcher(index);
    };
    const m = askingBackground({ ask: () => Promise.reject(new Error('gone')), local, topics: index.topics.length });
    expect((await m.ask('Lavrov spoke.', '')).mentions).toEqual([]);
    expect((await m.ask('Lavrov spoke.', '')).mentions.map((x) => x.alias)).toEqual(['Lavrov']);
    expect(reads).toBe(2);
  });

  it('takes the title from the first answer that read it, not from a batch nothing could search', async () => {
    document.title = 'Japan and Russia: talks on the islands';
    // Putin stands only on a page whose title names both sides; he is in the second request's text.
    const page = `${Array.from({ length: 15 }, () => `<p>${FILLER}</p>`).join('')}<p>Putin said nothing.</p>`;
    const own = createMatcher(index);
    let asked = 0;
    let reads = 0;
    const ask = (request: MatchRequest) =>
      asked++ === 0 ? Promise.reject(new Error('worker starting')) : Promise.resolve(answerMatch(own, structuredClone(request)));
    const local = async () => {
      if (reads++ === 0) throw new Error('read timed out');
      return createMatcher(index);
    };
    document.body.innerHTML = page;
    await annotator(askingBackground({ ask, local, topics: index.topics.length })).apply(settings, true);
    expect(asked).toBeGreaterThan(1);
    expect(mentionIds()).toEqual([['Putin', 'vladimir-putin']]);
    document.title = '';
  });

  it('waits for a slow answer rather than searching in the page (the port decides when the background is gone)', async () => {
    vi.useFakeTimers();
    try {
      let reads = 0;
      const own = createMatcher(index);
      const ask = (request: MatchRequest) => new Promise((r) => setTimeout(() => r(answerMatch(own, structuredClone(request))), 10_000));
      const local = async () => {
        reads++;
        return own;
      };
      const m = askingBackground({ ask, local, topics: index.topics.length });
      const answer = m.ask('Lavrov spoke.', '');
      await vi.advanceTimersByTimeAsync(10_000);
      expect((await answer).mentions.map((x) => x.alias)).toEqual(['Lavrov']);
      expect(reads).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
