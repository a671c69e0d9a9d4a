// The first script's gate, in Chromium: a page whose text names no topic gets nothing but the
// question (no matcher loaded, no scan, the body as parsed); the same page gets its highlights as
// soon as its text names one; a page in another script or with a name split across inline
// elements is never kept from the matcher.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { isQuiet, waitUntilQuiet } from '../../scripts/content-world.mjs';
import { launch, mentions, waitForMentions, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

/** Whether Backstory's matcher ran on the page (each scan leaves this measure). */
const scanned = (page: Page) => page.evaluate(() => performance.getEntriesByName('backstory:scan').length > 0);
/** What the page's own CSS.highlights holds of Backstory's. */
const highlightNames = (page: Page) =>
  page.evaluate(() => {
    const names: string[] = [];
    CSS.highlights.forEach((_h, name) => names.push(name));
    return names.filter((n) => n.startsWith('backstory-'));
  });

describe('the first script', () => {
  it('leaves a page that names no topic alone: no scan, no highlight registry entries, the body as parsed', async () => {
    const page = await h.open('no-mentions.html');
    const parsed = await page.evaluate(() => document.body.outerHTML);
    // The first script looked and left the page alone (read in its own world: the page sees nothing).
    await waitUntilQuiet(page);
    await page.waitForTimeout(300);
    expect(await scanned(page)).toBe(false);
    expect(await highlightNames(page)).toEqual([]);
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(parsed);
    // The popup reads the quiet page as one without topics, with its site switch, not as out of reach.
    const popup = await h.openPopup(page);
    await expect.poll(() => popup.locator('.total').textContent()).toBe('No topics found on this page.');
    expect(await popup.locator('input[data-site]').count()).toBe(1);
    await popup.close();
    await page.close();
  });

  it('annotates the same page once its text names a topic, written as pages write it', async () => {
    const page = await h.open('no-mentions.html');
    await waitUntilQuiet(page);
    expect(await scanned(page)).toBe(false);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.innerHTML = 'Talks on the <em>Kuril</em>\u00a0Islands and SHIKOTAN resumed.';
      document.body.append(p);
    });
    await waitForMentions(page, 2);
    expect((await mentions(page)).map((m) => m.text)).toEqual(['Kuril\u00a0Islands', 'SHIKOTAN']);
    // The first script gave the page over to the matcher.
    expect(await isQuiet(page)).toBe(false);
    await page.close();
  });

  it('sends Japanese and Russian pages on to the matcher', async () => {
    const page = await h.open('no-mentions.html');
    await page.evaluate(() => {
      document.body.innerHTML = '<p>北方領土の問題について。</p><p>Переговоры о Шикотане.</p>';
    });
    await waitForMentions(page, 2);
    expect((await mentions(page)).map((m) => m.text)).toEqual(['北方領土', 'Шикотане']);
    await page.close();
  });
});
