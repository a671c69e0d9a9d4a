// The matching fixtures (tests/fixtures/matching, each carrying its expected mentions) in real
// Chromium with the built extension.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { checksOnPage, mentionsOnPage } from '../fixtures/mentions-on-page';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'matching');
let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

describe('matching fixtures in Chromium', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.html'))) {
    it(`finds exactly the expected mentions in ${file}`, async () => {
      const page = await h.open(file);
      const expected = await page.evaluate(() => JSON.parse(document.getElementById('expected')!.textContent!));
      // The scan is done once its measure is recorded.
      await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0);
      const found = await page.evaluate(`(${mentionsOnPage.toString()})(document)`);
      expect(found).toEqual(expected);
      const checks = await page.evaluate(`(${checksOnPage.toString()})(document)`);
      const expectedChecks = await page.evaluate(() => JSON.parse(document.getElementById('expected-checks')?.textContent ?? '[]'));
      expect(checks).toEqual(expectedChecks);
      await page.close();
    });
  }
});
