// @vitest-environment happy-dom
// The fixture pages in tests/fixtures/matching carry their expected mentions; here they run
// against the real corpus (the same pages run in Chromium in tests/e2e/matching.e2e.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script
import { compileCorpus } from '../../build.mjs';
import { createAnnotator } from '../../src/content/annotator';
import type { CompiledIndex } from '../../src/core/corpus-types';
import { createMatcher } from '../../src/core/matcher';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { checksOnPage, mentionsOnPage } from '../fixtures/mentions-on-page';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'matching');
let index: CompiledIndex;

beforeAll(async () => {
  index = (await compileCorpus()).index;
});

describe('matching fixtures', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.html'))) {
    it(`finds exactly the expected mentions in ${file}`, async () => {
      const html = readFileSync(join(DIR, file), 'utf8');
      document.title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
      const expected = JSON.parse(document.getElementById('expected')!.textContent!);
      const annotator = createAnnotator({ doc: document, index, matcher: createMatcher(index) });
      await annotator.apply(DEFAULT_SETTINGS, true);
      expect(mentionsOnPage(document)).toEqual(expected);
      const expectedChecks = document.getElementById('expected-checks');
      expect(checksOnPage(document)).toEqual(expectedChecks ? JSON.parse(expectedChecks.textContent!) : []);
      annotator.destroy();
    });
  }
});
