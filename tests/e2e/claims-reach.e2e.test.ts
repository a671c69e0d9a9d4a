// Statements wait for the reader: in highlight mode, a statement screens below the viewport is
// checked once the reader scrolls near it, and opening the popup (the page's survey) checks every
// one; in mark mode (marks cut the page's text nodes) every statement is checked as the scan ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checks, launch, mentions, PAINT_MODE, type Harness } from './harness';

let h: Harness;
const WRONG = 'At the UN, ES-11/1 was supported by 143 member states.';
/** Prose that names no topic, tall enough to put the last statement many screens down. */
const FILLER = Array.from({ length: 40 }, (_, i) => `<p style="margin-bottom: 400px">Paragraph ${i + 1} of the background, naming nothing.</p>`);

beforeAll(async () => {
  h = await launch();
  const body = [`<p id="top">${WRONG}</p>`, ...FILLER, `<p id="bottom">${WRONG}</p>`].join('\n');
  await h.context.route(`${h.baseUrl}/long-claims.html`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Japan and Russia at the UN</title></head><body>${body}</body></html>`,
    }),
  );
});
afterAll(async () => h?.close());

/** A statement far down whose paragraph the page updates every 20 ms (a clock): read again on each change. */
async function routeTicker(): Promise<void> {
  const clock = `<script>const t = document.getElementById('clock').firstChild; const t0 = performance.now(); setInterval(() => { t.data = String(Math.round(performance.now() - t0)); }, 20);</script>`;
  const body = [`<p id="top">${WRONG}</p>`, ...FILLER, `<p id="bottom">${WRONG} Updated <span id="clock">0</span> ms ago.</p>`, clock].join('\n');
  await h.context.route(`${h.baseUrl}/ticker-claims.html`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Japan and Russia at the UN</title></head><body>${body}</body></html>`,
    }),
  );
}

/** Generous against CI load: a backlog of scans (each waiting for a report that can't come) took 12 s and more. */
const PROMPT_MS = 5_000;

const CONFLICT = [['143', 'conflict']];
const frames = (page: Page, n: number) =>
  page.evaluate(async (count) => {
    for (let i = 0; i < count; i++) await new Promise((r) => requestAnimationFrame(r));
  }, n);

async function openLong(): Promise<Page> {
  const page = await h.open('long-claims.html');
  await expect.poll(() => checks(page, '#top')).toEqual(CONFLICT);
  return page;
}

describe('statements far down the page', () => {
  it.runIf(PAINT_MODE === 'highlights')('are checked once the reader scrolls near them, not before', async () => {
    const page = await openLong();
    await frames(page, 10);
    expect(await checks(page, '#bottom')).toEqual([]);
    await page.evaluate(() => document.querySelector('#bottom')!.scrollIntoView());
    await expect.poll(() => checks(page, '#bottom')).toEqual(CONFLICT);
    await page.close();
  });

  it.runIf(PAINT_MODE === 'marks')('are checked as the scan ends in mark mode', async () => {
    const page = await openLong();
    await expect.poll(() => checks(page, '#bottom')).toEqual(CONFLICT);
    await page.close();
  });

  it('are all checked when the reader opens the popup, which counts them', async () => {
    const page = await openLong();
    const popup = await h.openPopup(page);
    await expect.poll(() => popup.locator('.conflicts').textContent()).toBe('2 statements here conflict with the sources');
    await popup.close();
    expect(await checks(page, '#bottom')).toEqual(CONFLICT);
    await page.close();
  });
});

describe('a far statement the page keeps changing', () => {
  it('holds up neither a paragraph the page adds near the reader nor the popup', async () => {
    await routeTicker();
    const page = await h.open('ticker-claims.html');
    await expect.poll(() => checks(page, '#top')).toEqual(CONFLICT);
    await page.waitForTimeout(3_000);
    let t0 = Date.now();
    await page.evaluate((text) => {
      const p = document.createElement('p');
      p.id = 'fresh';
      p.textContent = text;
      document.body.prepend(p);
    }, WRONG);
    await expect.poll(async () => (await mentions(page, '#fresh')).length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(PROMPT_MS);
    t0 = Date.now();
    const popup = await h.openPopup(page);
    await expect.poll(() => popup.locator('.conflicts').textContent(), { timeout: 30_000 }).toMatch(/statements? here conflict/);
    expect(Date.now() - t0).toBeLessThan(PROMPT_MS);
    await popup.close();
    await page.close();
  });
});
