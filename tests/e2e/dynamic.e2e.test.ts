// Pages that change after load, frames, frameworks that re-render, strict CSP and hostile CSS.
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, marks, waitForMarks, type Harness } from './harness';

const ROOT = join(import.meta.dirname, '..', '..');

/** A small Preact app, bundled for the page like a site would ship it. */
async function liveApp(): Promise<string> {
  const out = await esbuild.build({ entryPoints: [join(ROOT, 'tests', 'e2e', 'fixtures', 'rerender-app.ts')], bundle: true, format: 'iife', write: false, logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}
let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

const tooltipCard = (page: Page) => page.locator('[data-annotation-tooltip] .panel.open .card');

describe('content added later', () => {
  it('annotates new entries of a live feed, and same-origin frames', async () => {
    const page = await h.open('live.html');
    await waitForMarks(page, 1);
    await page.click('#more');
    await page.click('#more');
    await expect.poll(async () => (await marks(page)).map((m) => m.id)).toEqual(
      expect.arrayContaining(['shikotan', 'sergei-lavrov', 'fumio-kishida', 'tokyo-declaration-1993']),
    );
    const frame = page.frameLocator('#same');
    await expect.poll(async () => frame.locator('mark[data-annotation-id]').count()).toBe(2);
    const srcdoc = page.frameLocator('#doc');
    await expect.poll(async () => srcdoc.locator('mark[data-annotation-id="habomai"]').count()).toBe(1);
    await page.close();
  });
});

describe('a framework that re-renders annotated text', () => {
  it('keeps the page working: no errors, text as the app renders it, highlights come back', async () => {
    const page = await h.open('rerender.html');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await waitForMarks(page, 1);
    await page.addScriptTag({ content: await liveApp() });
    const samples: Array<{ text: string; marks: number }> = [];
    for (let i = 0; i < 40; i++) {
      samples.push(await page.evaluate(() => ({
        text: document.getElementById('live')?.textContent ?? '',
        marks: document.querySelectorAll('#live mark[data-annotation-id]').length,
      })));
      await page.waitForTimeout(75);
    }
    expect(errors).toEqual([]);
    for (const s of samples) expect(s.text).toMatch(/^Update \d+: talks on the Northern Territories and Shikotan (resumed|stalled)\.$/);
    expect(samples.filter((s) => s.marks === 2).length).toBeGreaterThan(samples.length / 3);
    const items = await page.evaluate(() => [...document.querySelectorAll('#app li')].map((li) => li.textContent));
    expect(items.every((t) => /^Item \d on Etorofu$/.test(t ?? ''))).toBe(true);
    expect(await page.locator('#static mark[data-annotation-id="shikotan"]').count()).toBe(1);
    await page.close();
  });
});

describe('locked-down and hostile pages', () => {
  it('shows a styled tooltip on a page whose CSP forbids all styles and scripts', async () => {
    const page = await h.open('csp.html');
    const cspErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && cspErrors.push(m.text()));
    await waitForMarks(page, 1);
    await page.locator('mark[data-annotation-id="singapore-agreement-2018"]').hover();
    await tooltipCard(page).locator('[data-part="source"]').first().waitFor();
    const style = await tooltipCard(page).evaluate((el) => {
      const s = getComputedStyle(el);
      return { radius: s.borderTopLeftRadius, shadow: s.boxShadow !== 'none', font: s.fontSize };
    });
    expect(style).toEqual({ radius: '10px', shadow: true, font: '14px' });
    expect(await page.locator('mark[data-annotation-id]').first().evaluate((m) => getComputedStyle(m).borderBottomStyle)).toBe('solid');
    await page.close();
  });

  it('keeps highlights and the tooltip intact under hostile global CSS', async () => {
    const page = await h.open('hostile.html');
    await waitForMarks(page, 1);
    const mark = page.locator('mark[data-annotation-id="singapore-agreement-2018"]');
    expect(await mark.evaluate((m) => getComputedStyle(m).display)).toBe('inline');
    await mark.hover();
    await tooltipCard(page).locator('[data-part="viewpoint"]').first().waitFor();
    const look = await tooltipCard(page).evaluate((el) => {
      const s = getComputedStyle(el);
      const h2 = getComputedStyle(el.querySelector('h2')!);
      return { display: s.display, font: s.fontSize, color: h2.color, letterSpacing: h2.letterSpacing };
    });
    expect(look.display).toBe('block');
    expect(look.font).toBe('14px');
    expect(look.color).not.toBe('rgb(255, 0, 0)');
    expect(look.letterSpacing).toBe('normal');
    const box = (await tooltipCard(page).boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    await page.close();
  });
});
