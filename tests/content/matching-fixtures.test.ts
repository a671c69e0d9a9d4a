// @vitest-environment happy-dom
// The fixture pages in tests/fixtures/matching carry their expected mentions; here they run
// against the real corpus (the same pages run in Chromium in tests/e2e/matching.e2e.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script
import { compileCorpus } from '../../build.mjs';
import type { ClaimChecker } from '../../src/core/claims-request';

import type { CompiledIndex } from '../../src/core/corpus-types';
import type { PageMatcher } from '../../src/core/match-request';
import { createMatcher } from '../../src/core/matcher';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { checksOnPage, mentionsOnPage } from '../fixtures/mentions-on-page';
import { askingTestMatcher, highlightedMentions, highlightsOnPage, installHighlightApi, testAnnotator, testChecker } from '../support/content';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'matching');
let index: CompiledIndex;

beforeAll(async () => {
  index = (await compileCorpus()).index;
});

function load(file: string) {
  const html = readFileSync(join(DIR, file), 'utf8');
  document.title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
  const expectedChecks = document.getElementById('expected-checks');
  return {
    mentions: JSON.parse(document.getElementById('expected')!.textContent!) as Array<[string, string]>,
    checks: (expectedChecks ? JSON.parse(expectedChecks.textContent!) : []) as Array<[string, string, string]>,
  };
}

async function annotate(paintMode: 'highlights' | 'marks', matcher: PageMatcher = createMatcher(index)) {
  const controller = new AbortController();
  const annotator = testAnnotator(index, { matcher, signal: controller.signal });
  await annotator.apply({ ...DEFAULT_SETTINGS, paintMode }, true);
  return { annotator, stop: () => controller.abort() };
}

const categoryOf = (id: string) => index.topics.find((t) => t.id === id)!.category;

describe('claim checks when the checker does not answer', () => {
  it('checks nothing then, and checks the page once a later scan gets answers', async () => {
    const expected = load('claims.html');
    // The background fails every request while it is being replaced: the page is shown without checks.
    let offline = true;
    const checker: ClaimChecker = (request) => (offline ? Promise.reject(new Error('offline')) : testChecker(request));
    const controller = new AbortController();
    const annotator = testAnnotator(index, { checker, signal: controller.signal });
    const settings = { ...DEFAULT_SETTINGS, paintMode: 'marks' as const };
    await annotator.apply(settings, true);
    expect(mentionsOnPage(document)).toEqual(expected.mentions);
    expect(checksOnPage(document)).toEqual([]);
    // Back, switched off and on again: the page is read again, and this time it is checked.
    offline = false;
    await annotator.apply(settings, false);
    await annotator.apply(settings, true);
    expect(checksOnPage(document)).toEqual(expected.checks);
    expect(expected.checks.length).toBeGreaterThan(0);
    controller.abort();
  });
});

describe('matching fixtures', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.html'))) {
    it(`marks exactly the expected mentions in ${file}`, async () => {
      const expected = load(file);
      const { stop } = await annotate('marks');
      expect(mentionsOnPage(document)).toEqual(expected.mentions);
      expect(checksOnPage(document)).toEqual(expected.checks);
      stop();
    });

    it(`paints exactly the expected mentions in ${file}`, async () => {
      const uninstall = installHighlightApi();
      try {
        const expected = load(file);
        const { annotator, stop } = await annotate('highlights');
        expect(annotator.mentions().map((m) => [m.text, m.head.id])).toEqual(expected.mentions);
        expect(highlightedMentions(document)).toEqual(expected.mentions.map(([text, id]) => [text, categoryOf(id)]));
        const checks = highlightsOnPage(document).filter(([, name]) => name.startsWith('backstory-check-'));
        expect(checks.map(([text, name]) => [text, name.slice('backstory-check-'.length)])).toEqual(
          expected.checks.map(([text, , verdict]) => [text, verdict]),
        );
        stop();
      } finally {
        uninstall();
      }
    });

    it(`finds exactly the expected mentions in ${file} when the background searches its text`, async () => {
      const expected = load(file);
      const { matcher, counts } = askingTestMatcher(index);
      const { stop } = await annotate('marks', matcher);
      expect(mentionsOnPage(document)).toEqual(expected.mentions);
      expect(checksOnPage(document)).toEqual(expected.checks);
      // Every batch was answered by the background; the page searched none itself, and never loaded its matcher.
      expect(counts.asked).toBeGreaterThan(0);
      expect(counts.searchedHere).toBe(0);
      expect(counts.loaded).toBe(0);
      stop();
    });

    it(`finds exactly the expected mentions in ${file} when the background answers only some requests`, async () => {
      const expected = load(file);
      const { matcher, counts } = askingTestMatcher(index, (request) => request % 2 === 0);
      const { stop } = await annotate('marks', matcher);
      expect(mentionsOnPage(document)).toEqual(expected.mentions);
      // The requests that got no answer were searched in the page.
      expect(counts.searchedHere).toBe(counts.asked - counts.answered);
      stop();
    });
  }
});

describe('names of the whole Kuril chain', () => {
  it('stand once the page names the dispute, saying in the tooltip that the page made them stand', async () => {
    document.title = '';
    document.body.innerHTML = '<p>На Курилах выпал первый снег.</p><p>Япония и Россия так и не подписали мирный договор.</p>';
    const { annotator, stop } = await annotate('marks');
    expect(annotator.mentions().map((m) => [m.text, m.head.id, m.rule])).toEqual([
      ['Курилах', 'northern-territories', 'page'],
      ['мирный договор', 'peace-treaty', 'context'],
    ]);
    stop();
  });

  it('show nothing on a page that never names the dispute', async () => {
    document.title = '';
    document.body.innerHTML = '<p>На Курилах выпал первый снег.</p><p>Россия готовится к зиме.</p>';
    const { annotator, stop } = await annotate('marks');
    expect(annotator.mentions()).toEqual([]);
    stop();
  });
});
