// @vitest-environment happy-dom
// A page's statements go to the background in a few requests of bounded size, and each verdict
// comes back to its own statement; a request that fails leaves only its own statements unjudged.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script
import { compileCorpus } from '../../build.mjs';

import { REQUEST_CHARS } from '../../src/content/claim-pass';
import type { ClaimChecker, ClaimsRequest } from '../../src/core/claims-request';
import type { CompiledIndex } from '../../src/core/corpus-types';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { checksOnPage } from '../fixtures/mentions-on-page';
import { testAnnotator, testChecker } from '../support/content';

let index: CompiledIndex;
beforeAll(async () => {
  index = (await compileCorpus()).index;
});

const controller = { current: new AbortController() };
afterEach(() => {
  controller.current.abort();
  document.body.innerHTML = '';
});

/** Filler prose that names nothing, so each paragraph is long and holds one statement. */
const FILLER = 'The committee met again in the spring and the minutes ran to many pages of careful prose. '.repeat(30);
const STATED = ['143', '140', '141', '139'];

/** Paragraphs each stating the UN vote with another count, enough text for several requests. */
function page(paragraphs: number): string[] {
  const counts = Array.from({ length: paragraphs }, (_, i) => STATED[i % STATED.length]!);
  document.title = 'Japan and Russia at the UN';
  document.body.innerHTML = counts.map((n) => `<p>${FILLER}At the UN, ES-11/1 was supported by ${n} member states.</p>`).join('');
  return counts;
}

async function annotate(checker: ClaimChecker): Promise<void> {
  controller.current = new AbortController();
  const annotator = testAnnotator(index, { checker, signal: controller.current.signal });
  await annotator.apply({ ...DEFAULT_SETTINGS, paintMode: 'marks' }, true);
}

describe('claim checks asked of the background', () => {
  it('asks in several requests of bounded size and shows each verdict on its own statement', async () => {
    const counts = page(60);
    const requests: ClaimsRequest[] = [];
    await annotate((request) => {
      requests.push(request);
      return testChecker(request);
    });
    expect(requests.length).toBeGreaterThan(1);
    for (const r of requests) expect(r.runs.reduce((n, run) => n + run.text.length, 0)).toBeLessThan(REQUEST_CHARS + FILLER.length * 2);
    expect(checksOnPage(document).map(([text, , verdict]) => [text, verdict])).toEqual(counts.map((n) => [n, n === '141' ? 'agrees' : 'conflict']));
  });

  it('leaves unjudged only the statements of a request that failed', async () => {
    const counts = page(60);
    let asked = 0;
    await annotate((request) => (asked++ === 0 ? Promise.reject(new Error('background restarting')) : testChecker(request)));
    const shown = checksOnPage(document).map(([text]) => text);
    expect(asked).toBeGreaterThan(1);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(counts.length);
    // The statements judged are the last ones on the page, each with its own count.
    expect(shown).toEqual(counts.slice(counts.length - shown.length));
  });

  it('shows every mention, unjudged, when the checker throws instead of answering', async () => {
    // Long enough that the scan's last batch waits for the checks.
    const counts = page(60);
    await annotate(() => {
      throw new Error('Extension context invalidated');
    });
    expect(checksOnPage(document)).toEqual([]);
    expect(document.querySelectorAll('mark[data-annotation-id]').length).toBe(counts.length);
  });
});

describe('a paragraph whose act names its own subject', () => {
  it('is asked about when it names any topic, and its count is judged', async () => {
    document.title = 'Japan and Russia';
    document.body.innerHTML =
      '<p>Japan expelled 11 Russian diplomats on Friday. The step follows new sanctions.</p><p>Japan expelled 11 Russian diplomats on Friday.</p>';
    const asked: string[] = [];
    await annotate((request) => {
      asked.push(...request.runs.map((r) => r.text));
      return testChecker(request);
    });
    // The second paragraph names no topic: the page isn't asked to test it at all.
    expect(asked).toEqual(['Japan expelled 11 Russian diplomats on Friday. The step follows new sanctions.']);
    expect(checksOnPage(document).map(([text, , verdict]) => [text, verdict])).toEqual([['11', 'conflict']]);
  });
});
