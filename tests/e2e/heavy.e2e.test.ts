// Heavy and hostile pages, in this run's paint mode: a feed appending thousands of paragraphs, deep
// nesting, one 5 MB text node. Backstory must keep up without making the page stutter, and skip
// (and say so) what no reader reads rather than freeze. Frame gaps here are generous bounds for a
// loaded CI machine; the bench (npm run bench) holds the tight figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HIGHLIGHT_LIMIT } from '../../src/content/paint-highlights';
import { launch, mentions, PAINT_MODE, START_SETTINGS, waitForMentions, type Harness } from './harness';

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

/** A gap between frames a reader feels as a stutter. */
const STUTTER_MS = 150;

async function setEnabled(enabled: boolean): Promise<void> {
  const worker = await h.worker();
  await worker.evaluate((settings) => chrome.storage.local.set({ settings }), { ...START_SETTINGS, enabled });
}

async function open(): Promise<Page> {
  const page = await h.open('heavy.html');
  await waitForMentions(page, 3);
  return page;
}

type FeedWindow = Window & { watchFrames(): void; stopFrames(): Promise<number>; feed(n: number, ms: number): Promise<number> };

/** The feed on a fresh page: how long its own appends took and the longest gap between frames. */
async function runFeed(enabled: boolean): Promise<{ feedMs: number; longest: number; page: Page }> {
  await setEnabled(enabled);
  const page = await h.open('heavy.html');
  if (enabled) await waitForMentions(page, 3);
  else await page.waitForTimeout(300);
  const feedMs = await page.evaluate(() => {
    (window as unknown as FeedWindow).watchFrames();
    return (window as unknown as FeedWindow).feed(2000, 5000);
  });
  if (enabled) await expect.poll(async () => shownIn(page, '#stage'), { timeout: 20_000, interval: 250 }).toBe(2000);
  const longest = await page.evaluate(() => (window as unknown as FeedWindow).stopFrames());
  return { feedMs, longest, page };
}

const shownIn = async (page: Page, scope: string) => (await mentions(page, scope)).length;

describe('heavy pages', () => {
  it('keeps up with a feed appending 2,000 paragraphs in 5 s, without stutter', async () => {
    const without = await runFeed(false);
    await without.page.close();
    const { feedMs, longest, page } = await runFeed(true);
    const places = (await mentions(page)).filter((m) => m.category === 'places').length;
    expect(places).toBe(2000 + 3); // the feed's, and the heading's and intro's
    console.log(
      `feed without Backstory ${without.feedMs.toFixed(0)} ms, longest frame gap ${without.longest.toFixed(0)} ms; with: ${feedMs.toFixed(0)} ms, ${longest.toFixed(0)} ms`,
    );
    // Guards against freezing and stutter (the landed build took 1.7–2× as long, with 217–283 ms
    // gaps); the bench holds the tighter aim of 10% and no gap over 50 ms.
    expect(longest).toBeLessThan(Math.max(2 * STUTTER_MS, without.longest * 3));
    expect(feedMs).toBeLessThan(without.feedMs * 2);
    const popup = await h.openPopup(page);
    await expect
      .poll(async () =>
        popup
          .locator('label', { has: popup.locator('input[data-category="places"]') })
          .locator('.count')
          .textContent(),
      )
      .toBe(String(places));
    await popup.close();
    await page.close();
  }, 60_000);

  it('shows at most its limit of highlights at once, from where the reader is, and says how many more the page has', async () => {
    const page = await open();
    const extra = 250;
    // The archive appended to the page's own mentions brings it past the limit.
    const before = await shownIn(page, 'body');
    await page.evaluate(
      (n) => {
        const items = Array.from({ length: n }, (_, i) => `<p>Entry ${i}: a note on Etorofu.</p>`);
        document.getElementById('stage')!.insertAdjacentHTML('beforeend', items.join(''));
      },
      HIGHLIGHT_LIMIT + extra - before,
    );
    // Marks cost a page nothing more for being many: mark mode shows them all.
    const shown = PAINT_MODE === 'highlights' ? HIGHLIGHT_LIMIT : HIGHLIGHT_LIMIT + extra;
    await expect.poll(async () => shownIn(page, 'body'), { timeout: 30_000, interval: 500 }).toBe(shown);
    const popup = await h.openPopup(page);
    if (PAINT_MODE === 'highlights') {
      await expect.poll(async () => popup.locator('[data-part="unshown"]').textContent()).toContain(`${extra} more mentions are not highlighted`);
    } else {
      await expect.poll(async () => popup.locator('.total').textContent()).toContain(String(shown));
      expect(await popup.locator('[data-part="unshown"]').count()).toBe(0);
    }
    await popup.close();
    await page.close();
  }, 90_000);

  it('skips 50,000 levels of nesting inside a hidden paragraph, says so, and reads the rest', async () => {
    const page = await open();
    const started = Date.now();
    await page.evaluate(() => {
      const hidden = document.createElement('p');
      hidden.id = 'hidden';
      document.getElementById('stage')!.append(hidden);
      (window as unknown as { nest(depth: number, parent: Element): void }).nest(50_000, hidden);
      const p = document.createElement('p');
      p.id = 'later';
      p.textContent = 'Then Etorofu.';
      document.getElementById('stage')!.append(p);
    });
    await expect.poll(async () => shownIn(page, '#later'), { timeout: 15_000 }).toBe(1);
    // The page still answers at once.
    const answered = Date.now();
    await page.evaluate(() => 1);
    expect(Date.now() - answered).toBeLessThan(1000);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await shownIn(page, '#hidden')).toBe(0);
    const popup = await h.openPopup(page);
    await expect.poll(async () => popup.locator('[data-part="skipped"]').count()).toBe(1);
    await popup.close();
    await page.close();
  }, 60_000);

  it('reads a mention inside 200 nested inline elements', async () => {
    const page = await open();
    await page.evaluate(() => (window as unknown as { nest(depth: number): void }).nest(200));
    await expect.poll(async () => (await mentions(page, '#stage')).map((m) => m.text)).toEqual(['Shikotan']);
    await page.close();
  });

  it('paints every mention of one 5 MB text node, its longest frame no longer than laying it out (twice with marks)', async () => {
    type BigWindow = FeedWindow & { bigText(kb: number, every: number): number };
    const run = async (enabled: boolean) => {
      await setEnabled(enabled);
      const page = await h.open('heavy.html');
      if (enabled) await waitForMentions(page, 3);
      else await page.waitForTimeout(300);
      const length = await page.evaluate(() => {
        (window as unknown as BigWindow).watchFrames();
        return (window as unknown as BigWindow).bigText(5 * 1024, 2048);
      });
      if (enabled) await expect.poll(async () => shownIn(page, '#stage'), { timeout: 30_000, interval: 500 }).toBe(Math.ceil(length / 2048));
      else await page.waitForTimeout(3000);
      const longest = await page.evaluate(() => (window as unknown as BigWindow).stopFrames());
      const text = await page.evaluate(() => document.getElementById('big')!.textContent!.length);
      await page.close();
      return { longest, length, text };
    };
    const without = await run(false);
    const withIt = await run(true);
    console.log(
      `5 MB text node: longest frame gap ${without.longest.toFixed(0)} ms without Backstory (the page's own layout), ${withIt.longest.toFixed(0)} ms with`,
    );
    // Laying out 5 MB of text is the page's own long frame. Painted highlights must not add one
    // beside it; marks change the paragraph, so it is laid out again once (their first slice and
    // the rest are written in two batches for that reason), and no more.
    const allowed = PAINT_MODE === 'marks' ? without.longest * 2.5 : without.longest * 1.5;
    expect(withIt.longest).toBeLessThan(allowed + STUTTER_MS);
    expect(withIt.text).toBe(withIt.length);
  }, 90_000);
});

describe('a long page opened scrolled down', () => {
  it('paints the mentions in view first, before the rest of the page is read', async () => {
    const page = await h.open('far.html');
    // Highlights show at most their limit, counted from where the reader is: those in view among them.
    const shown = PAINT_MODE === 'highlights' ? HIGHLIGHT_LIMIT : 8001;
    await waitForMentions(page, shown);
    const first = await page.evaluate(() => (window as unknown as { __firstPainted: Array<{ text: string; inView: string }> | null }).__firstPainted);
    // Reading from the top, the first frame would hold only mentions far above the view; reading
    // starts in view instead (and may wrap round to the top within the same slice)…
    expect(first!.some((m) => m.inView === 'in view')).toBe(true);
    // …and it came before the whole page was read.
    expect(first!.length).toBeLessThan(shown);
    await page.close();
  }, 60_000);
});
