// Own corpus packs and "Wrong match", as a reader uses them in Chromium: the options page
// imports a pack and its topics are highlighted on pages, switching it off removes them live, a
// broken pack is rejected with its errors and nothing changes; "Wrong match" in a tooltip removes
// the mention and keeps it off after a reload until the list is cleared in the options page. In
// this run's paint mode (harness.ts PAINT_MODE): marks show each mention's topic, highlights its
// category, so mentions are told apart by text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntilQuiet } from '../../scripts/content-world.mjs';
import { hoverMention, launch, mentions, PAINT_MODE, waitForMentions, type Harness } from './harness';

/** The one extension API the test reads directly, inside the options page: what is stored. */
declare const chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };

const SAMPLE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'packs', 'sample-pack.json'), 'utf8');

let h: Harness;
let options: Page;
beforeAll(async () => {
  h = await launch();
  options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  await options.locator('[data-section="packs"]').waitFor();
});
afterAll(async () => h?.close());

/** The page's mentions as [text, category] (and, as marks, topic id too). */
const shownOn = async (page: Page) => (await mentions(page)).map((m) => (PAINT_MODE === 'marks' ? [m.text, m.category, m.id] : [m.text, m.category]));
const shown = (text: string, id: string, category: string) => (PAINT_MODE === 'marks' ? [text, category, id] : [text, category]);
const ACCORD = shown('Lanternbury Harbour Accord', 'lanternbury-harbour-accord', 'agreements');
const VESSICK = shown('Port Vessick', 'port-vessick', 'places');
const SHIKOTAN = shown('Shikotan', 'shikotan', 'places');
const HABOMAI = shown('Habomai islets', 'habomai', 'places');
const packRow = () => options.locator('[data-pack="test-fixture-pack"]');
const file = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

describe('corpus packs', () => {
  it('imports a pack; its topics are highlighted with the page contract; switching it off removes them live', async () => {
    // Open before the pack exists: the first script leaves it quiet (no bundled name on it).
    const packOnly = await h.open('pack-only.html');
    await waitUntilQuiet(packOnly);
    await options.locator('input[type="file"][data-import]').setInputFiles(file('sample-pack.json', SAMPLE));
    await expect.poll(() => options.locator('[data-outcome="accepted"]').textContent()).toBe('Installed “Test fixture pack (fictional)”: 2 topics.');
    expect(await packRow().locator('.count').textContent()).toBe('2 topics');

    const page = await h.open('packs.html');
    await waitForMentions(page, 4);
    expect(await mentions(page, '#pack')).toEqual([
      { id: PAINT_MODE === 'marks' ? 'lanternbury-harbour-accord' : null, category: 'agreements', text: 'Lanternbury Harbour Accord' },
      { id: PAINT_MODE === 'marks' ? 'port-vessick' : null, category: 'places', text: 'Port Vessick' },
    ]);
    // The tooltip of a pack topic, with its quotes and sources from the pack.
    await hoverMention(page, 'Lanternbury Harbour Accord', '#pack');
    const card = page.locator('[data-annotation-tooltip] .panel.open .card');
    await card.locator('[data-part="source"]').first().waitFor();
    expect(await card.locator('h2').textContent()).toBe('Lanternbury Harbour Accord (fictional)');
    expect(await card.locator('[data-part="viewpoint"]').count()).toBe(2);
    expect(await card.locator('[data-part="source"]').first().textContent()).toContain('Backstory test fixture');
    // A pack's quote opens in the pack's own text of its source.
    const quote = (await card.locator('blockquote').first().textContent())!;
    const opening = h.context.waitForEvent('page');
    await card.locator('[data-part="open-source"]').first().click();
    const reader = await opening;
    const mark = reader.locator('mark[data-part="quote"]');
    await mark.waitFor();
    expect((await mark.textContent())!.replace(/\s+/g, ' ')).toBe(quote.replace(/\s+/g, ' '));
    expect(await reader.locator('.origin').textContent()).toBe('The full text from your pack “Test fixture pack (fictional)”, as you imported it.');
    expect(await reader.locator('article').textContent()).toContain('BACKSTORY TEST FIXTURE. This is an invented document');
    await reader.close();
    await page.bringToFront();
    await page.mouse.move(5, 5);

    // A page whose only name is the pack's: the first script's gate knows only the bundled names,
    // so while a pack is on it sends every page on to the matcher, the ones already open included
    // (no reload), and new ones too.
    await expect.poll(() => shownOn(packOnly), { timeout: 10_000 }).toEqual([VESSICK]);
    await packOnly.reload();
    await expect.poll(() => shownOn(packOnly), { timeout: 10_000 }).toEqual([VESSICK]);
    await packOnly.close();

    await packRow().locator('input[data-pack-enabled]').uncheck({ force: true });
    await expect.poll(() => shownOn(page)).toEqual([SHIKOTAN, HABOMAI]);
    await packRow().locator('input[data-pack-enabled]').check({ force: true });
    await expect.poll(() => shownOn(page)).toEqual([ACCORD, VESSICK, SHIKOTAN, HABOMAI]);
    await page.close();
  });

  it('rejects a broken pack, naming entry and field, and changes nothing', async () => {
    const broken = JSON.parse(SAMPLE) as {
      pack: { id: string };
      topics: Array<{ id: string; aliases: string[]; facts: Array<{ quotes: Array<{ text: string }> }> }>;
    };
    broken.pack.id = 'broken-pack';
    broken.topics = [{ ...broken.topics[0]!, id: 'broken-topic', aliases: ['Vessick Lighthouse'] }];
    broken.topics[0]!.facts[0]!.quotes[0]!.text = 'a sentence the source never says';
    const before = await options.evaluate(() => chrome.storage.local.get(null));
    await options.locator('input[type="file"][data-import]').setInputFiles(file('broken.json', JSON.stringify(broken)));
    const alert = options.locator('[role="alert"][data-outcome="rejected"]');
    await alert.waitFor();
    expect(await alert.locator('[data-error]').allTextContents()).toEqual([
      'pack "broken-pack" › topics › topic "broken-topic" › facts[0].quotes[0].text: not found verbatim in source "backstory-test-fixture": "a sentence the source never says"',
    ]);
    expect(await options.evaluate(() => chrome.storage.local.get(null))).toEqual(before);
    expect(await options.locator('[data-pack]').count()).toBe(1);
    const page = await h.open('packs.html');
    await waitForMentions(page, 4);
    expect(await shownOn(page)).toEqual([ACCORD, VESSICK, SHIKOTAN, HABOMAI]);
    await page.close();
  });

  it('exports the pack as it was imported', async () => {
    const [download] = await Promise.all([options.waitForEvent('download'), packRow().locator('[data-action="export"]').click()]);
    expect(download.suggestedFilename()).toBe('test-fixture-pack.backstory-pack.json');
    const path = await download.path();
    expect(readFileSync(path, 'utf8')).toBe(SAMPLE);
  });
});

describe('Wrong match', () => {
  it('removes the mention at once, keeps it off after a reload, lists it in the options page; clearing brings it back', async () => {
    const page = await h.open('packs.html');
    await waitForMentions(page, 4);
    await hoverMention(page, 'Shikotan', '#builtin');
    const card = page.locator('[data-annotation-tooltip] .panel.open .card');
    await card.locator('[data-part="source"]').first().waitFor();
    await card.locator('button[data-part="wrong-match"]').click();
    await expect.poll(() => shownOn(page)).toEqual([ACCORD, VESSICK, HABOMAI]);
    expect(await page.locator('[data-annotation-tooltip] .panel.open').count()).toBe(0);

    await page.reload();
    await waitForMentions(page, 3);
    await page.waitForTimeout(300);
    expect(await shownOn(page)).toEqual([ACCORD, VESSICK, HABOMAI]);

    const row = options.locator('[data-false-match="shikotan"]');
    await row.waitFor();
    expect((await row.locator('td').allTextContents()).slice(0, 3)).toEqual(['127.0.0.1', '“Shikotan”', 'Shikotan']);

    await options.locator('[data-action="clear"]').click();
    await options.locator('[data-section="false-matches"] .empty').waitFor();
    await page.reload();
    await waitForMentions(page, 4);
    expect(await shownOn(page)).toEqual([ACCORD, VESSICK, SHIKOTAN, HABOMAI]);
    await page.close();
  });

  it('removing the pack takes its topics off open pages', async () => {
    const page = await h.open('packs.html');
    await waitForMentions(page, 4);
    await packRow().locator('[data-action="remove"]').click();
    await expect.poll(() => shownOn(page)).toEqual([SHIKOTAN, HABOMAI]);
    expect(await options.locator('[data-section="packs"] .empty').textContent()).toBe('No packs installed.');
    await page.close();
  });
});
