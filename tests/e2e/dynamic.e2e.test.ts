// Pages that change after load, frames, frameworks that re-render, strict CSP and hostile CSS,
// in this run's paint mode (harness.ts PAINT_MODE).
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { hoverMention, launch, mentionBox, mentions, PAINT_MODE, waitForMentions, type Harness } from './harness';

const ROOT = join(import.meta.dirname, '..', '..');

/** A small Preact app, bundled for the page like a site would ship it. */
async function liveApp(): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [join(ROOT, 'tests', 'e2e', 'fixtures', 'rerender-app.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}
let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

const tooltipCard = (page: Page) => page.locator('[data-annotation-tooltip] .panel.open .card');
/** A mention as this run's mode shows it: marks carry the topic id, highlights only the category. */
const shown = (text: string, id: string, category: string) => ({ text, category, id: PAINT_MODE === 'marks' ? id : null });
const frameOf = async (page: Page, sel: string): Promise<Frame> => (await (await page.$(sel))!.contentFrame())!;

/**
 * Whether the highlight `name` visibly paints the mention reading `text`: its box looks different
 * with the highlight taken out of the page's registry for a moment (then put back as it was).
 */
async function paintsVisibly(page: Page, name: string, text: string): Promise<boolean> {
  const box = await mentionBox(page, text);
  const clip = { x: Math.max(0, box.x - 2), y: Math.max(0, box.y - 2), width: box.width + 4, height: box.height + 6 };
  const painted = await page.screenshot({ clip });
  await page.evaluate((n) => {
    const w = window as unknown as { __taken?: Highlight };
    w.__taken = CSS.highlights.get(n);
    CSS.highlights.delete(n);
  }, name);
  const bare = await page.screenshot({ clip });
  await page.evaluate((n) => {
    const w = window as unknown as { __taken?: Highlight };
    if (w.__taken) CSS.highlights.set(n, w.__taken);
  }, name);
  return !painted.equals(bare);
}

describe('content added later', () => {
  it('annotates new entries of a live feed, and same-origin frames', async () => {
    const page = await h.open('live.html');
    await waitForMentions(page, 1);
    await page.click('#more');
    await page.click('#more');
    // In reading order, and nothing else: no range is left on text that moved under it.
    await expect
      .poll(async () => mentions(page, '#feed'))
      .toEqual([
        shown('Shikotan', 'shikotan', 'places'),
        shown('Lavrov', 'sergei-lavrov', 'people'),
        shown('Kishida', 'fumio-kishida', 'people'),
        shown('Tokyo Declaration', 'tokyo-declaration-1993', 'agreements'),
      ]);
    const same = await frameOf(page, '#same');
    await expect.poll(async () => mentions(same)).toEqual([shown('Etorofu', 'etorofu', 'places'), shown('Kunashiri', 'kunashiri', 'places')]);
    const srcdoc = await frameOf(page, '#doc');
    await expect.poll(async () => mentions(srcdoc)).toEqual([shown('Habomai islets', 'habomai', 'places')]);
    await page.close();
  });
});

describe('a framework that re-renders annotated text', () => {
  it('keeps the page working: no errors, text as the app renders it, highlights come back, none on changed text', async () => {
    const page = await h.open('rerender.html');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await waitForMentions(page, 1);
    await page.addScriptTag({ content: await liveApp() });
    const samples: Array<{ text: string; shown: string[] }> = [];
    for (let i = 0; i < 40; i++) {
      const text = await page.evaluate(() => document.getElementById('live')?.textContent ?? '');
      samples.push({ text, shown: (await mentions(page, '#live')).map((m) => m.text) });
      await page.waitForTimeout(75);
    }
    expect(errors).toEqual([]);
    for (const s of samples) {
      expect(s.text).toMatch(/^Update \d+: talks on the Northern Territories and Shikotan (resumed|stalled)\.$/);
      for (const t of s.shown) expect(['Northern Territories', 'Shikotan']).toContain(t);
    }
    expect(samples.filter((s) => s.shown.length === 2).length).toBeGreaterThan(samples.length / 3);
    const items = await page.evaluate(() => [...document.querySelectorAll('#app li')].map((li) => li.textContent));
    expect(items.every((t) => /^Item \d on Etorofu$/.test(t ?? ''))).toBe(true);
    for (const m of await mentions(page, '#app ul')) expect(m).toEqual(shown('Etorofu', 'etorofu', 'places'));
    expect(await mentions(page, '#static')).toEqual([shown('Shikotan', 'shikotan', 'places')]);
    await page.close();
  });
});

describe('locked-down and hostile pages', () => {
  it('shows a styled tooltip on a page whose CSP forbids all styles and scripts', async () => {
    const page = await h.open('csp.html');
    const cspErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && cspErrors.push(m.text()));
    await waitForMentions(page, 1);
    expect(await mentions(page, '#p')).toEqual([shown('Singapore Agreement', 'singapore-agreement-2018', 'agreements')]);
    if (PAINT_MODE === 'marks')
      expect(
        await page
          .locator('mark[data-annotation-id]')
          .first()
          .evaluate((m) => getComputedStyle(m).borderBottomStyle),
      ).toBe('solid');
    // The content script's ::highlight() styles are not the page's, so its CSP doesn't stop them.
    else expect(await paintsVisibly(page, 'backstory-agreements', 'Singapore Agreement')).toBe(true);
    await hoverMention(page, 'Singapore Agreement', '#p');
    await tooltipCard(page).locator('[data-part="source"]').first().waitFor();
    const style = await tooltipCard(page).evaluate((el) => {
      const s = getComputedStyle(el);
      return { radius: s.borderTopLeftRadius, shadow: s.boxShadow !== 'none', font: s.fontSize };
    });
    expect(style).toEqual({ radius: '10px', shadow: true, font: '14px' });
    await page.close();
  });

  it('keeps highlights and the tooltip intact under hostile global CSS', async () => {
    const page = await h.open('hostile.html');
    await waitForMentions(page, 1);
    expect(await mentions(page, '#p')).toContainEqual(shown('Singapore Agreement', 'singapore-agreement-2018', 'agreements'));
    if (PAINT_MODE === 'marks') {
      const mark = page.locator('mark[data-annotation-id="singapore-agreement-2018"]');
      expect(await mark.evaluate((m) => getComputedStyle(m).display)).toBe('inline');
    } else {
      // `*` rules (a lime background and red text, !important) don't reach ::highlight(): it still shows.
      expect(await paintsVisibly(page, 'backstory-agreements', 'Singapore Agreement')).toBe(true);
    }
    await hoverMention(page, 'Singapore Agreement', '#p');
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
