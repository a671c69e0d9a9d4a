// The matching fixtures (tests/fixtures/matching, each carrying its expected mentions) in real
// Chromium with the built extension, in this run's paint mode (harness.ts PAINT_MODE): marks show
// [text, topic id], highlights [text, category] (each expected topic's category from the build).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checks as checksShown, launch, mentions, PAINT_MODE, type Harness } from './harness';
import { checksOnPage, mentionsOnPage } from '../fixtures/mentions-on-page';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'matching');
const INDEX: { topics: Array<{ id: string; category: string }> } = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'build', 'generated', 'index.json'), 'utf8'),
);
const categoryOf = new Map(INDEX.topics.map((t) => [t.id, t.category]));
const category = (id: string) => {
  const c = categoryOf.get(id);
  if (!c) throw new Error(`no topic ${id} in build/generated/index.json`);
  return c;
};

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

describe('matching fixtures in Chromium', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.html'))) {
    it(`finds exactly the expected mentions in ${file}`, async () => {
      const page = await h.open(file);
      const expected: Array<[string, string]> = await page.evaluate(() => JSON.parse(document.getElementById('expected')!.textContent!));
      const expectedChecks: Array<[string, string, string]> = await page.evaluate(() =>
        JSON.parse(document.getElementById('expected-checks')?.textContent ?? '[]'),
      );
      // The scan is done once its measure is recorded.
      await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0);
      if (PAINT_MODE === 'marks') {
        expect(await page.evaluate(`(${mentionsOnPage.toString()})(document)`)).toEqual(expected);
        // Claim checks follow the scan, once the claim checker has loaded.
        await expect.poll(() => page.evaluate(`(${checksOnPage.toString()})(document)`)).toEqual(expectedChecks);
      } else {
        expect((await mentions(page)).map((m) => [m.text, m.category])).toEqual(expected.map(([text, id]) => [text, category(id)]));
        await expect.poll(() => checksShown(page)).toEqual(expectedChecks.map(([text, , verdict]) => [text, verdict]));
      }
      await page.close();
    });
  }
});
