// The five source documents rendered as pages: what a reader expects to hover (listed from the
// documents alone, in tests/fixtures/coverage/expected.json) must be highlighted, in every
// spelling the documents use, and every highlighted topic must come with its sources. In this
// run's paint mode (harness.ts PAINT_MODE): the topics shown are read from the marks, or (highlights
// show categories only) from the popup's overview of the page's topics.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, PAINT_MODE, waitForMentions, type Harness } from './harness';

const ROOT = join(import.meta.dirname, '..', '..');
const EXPECTED: Record<string, Array<{ text: string; topic: string }>> = JSON.parse(
  readFileSync(join(ROOT, 'tests', 'fixtures', 'coverage', 'expected.json'), 'utf8'),
);
const MIN_COVERAGE = 0.95;

let h: Harness;
const highlightedTopics = new Set<string>();
const misses: string[] = [];
let total = 0;

beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

/**
 * [start, end) of every highlighted mention in body.textContent, and its topic id as marks show it
 * (highlights show none: null), in this run's mode.
 */
function markedRanges(mode: string): { text: string; ranges: Array<[number, number, string | null]> } {
  const body = document.body;
  const ranges: Array<[number, number, string | null]> = [];
  const range = document.createRange();
  if (mode === 'marks') {
    for (const m of document.querySelectorAll('mark[data-annotation-id]')) {
      range.setStart(body, 0);
      range.setEndBefore(m);
      const start = range.toString().length;
      ranges.push([start, start + (m.textContent ?? '').length, m.getAttribute('data-annotation-id')!]);
    }
  } else {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('backstory-') || name === 'backstory-focus') continue;
      for (const r of highlight) {
        range.setStart(body, 0);
        range.setEnd(r.startContainer, r.startOffset);
        const start = range.toString().length;
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        ranges.push([start, start + range.toString().length, null]);
      }
    }
  }
  return { text: body.textContent ?? '', ranges };
}

describe('coverage of the source documents', () => {
  for (const [doc, expected] of Object.entries(EXPECTED)) {
    it(`highlights what a reader expects in ${doc}`, async () => {
      const page = await h.open(`${doc}.html`);
      await waitForMentions(page, 5);
      await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0);
      const { text, ranges } = await page.evaluate(markedRanges, PAINT_MODE);
      if (PAINT_MODE === 'marks') for (const r of ranges) highlightedTopics.add(r[2]!);
      else {
        const popup = await h.openPopup(page);
        await popup.locator('.overview button[data-topic]').first().waitFor();
        for (const id of await popup.locator('.overview button[data-topic]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-topic')!)))
          highlightedTopics.add(id);
        await popup.close();
      }
      for (const e of expected) {
        total++;
        const hits: number[] = [];
        for (let i = text.indexOf(e.text); i >= 0; i = text.indexOf(e.text, i + 1)) hits.push(i);
        const covered = hits.some((s) => ranges.some(([ms, me]) => ms < s + e.text.length && me > s));
        if (!covered) misses.push(`${doc}: "${e.text}" (${e.topic})`);
      }
      await page.close();
    });
  }

  it(`covers at least ${MIN_COVERAGE * 100}% of the expected mentions`, () => {
    const coverage = (total - misses.length) / total;
    console.log(`coverage ${(coverage * 100).toFixed(1)}% of ${total} expected mentions; missed:\n  ${misses.join('\n  ')}`);
    expect(total).toBeGreaterThan(100);
    expect(coverage).toBeGreaterThanOrEqual(MIN_COVERAGE);
  });

  it('gives every highlighted topic at least one source, and every contested one two viewpoints', async () => {
    const worker = await h.worker();
    const details = await worker.evaluate(
      async (ids) => {
        const out: Record<string, { sources: number; viewpoints: number; contested: boolean }> = {};
        for (const id of ids) {
          const d = await (await fetch(`/details/${id}.json`)).json();
          out[id] = { sources: Object.keys(d.sources).length, viewpoints: d.topic.viewpoints?.length ?? 0, contested: !!d.topic.viewpoints };
        }
        return out;
      },
      [...highlightedTopics],
    );
    expect(Object.keys(details).length).toBeGreaterThan(40);
    for (const [id, d] of Object.entries(details)) {
      expect(d.sources, id).toBeGreaterThanOrEqual(1);
      if (d.contested) expect(d.viewpoints, id).toBeGreaterThanOrEqual(2);
    }
  });
});
