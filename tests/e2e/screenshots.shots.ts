// `npm run screenshots`: pictures of what a reader sees, for review (not a test; writes artifacts/screenshots/).
// In this run's paint mode (harness.ts PAINT_MODE); pictures of mark mode are named *-marks.png.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checks, hoverMention, launch, mentionBox, PAINT_MODE, waitForMentions } from './harness';
import { mkdirSync } from 'node:fs';
mkdirSync('artifacts/screenshots', { recursive: true });
const shot = (name: string) => `artifacts/screenshots/${name}${PAINT_MODE === 'marks' ? '-marks' : ''}.png`;
/**
 * Moves the pointer onto the first line of the first mention reading `text`: mentionBox gives a
 * highlight's first line box but a mark's whole box, whose middle falls between the lines when the
 * mark is broken over two.
 */
async function hoverFirstLine(page: Page, text: string): Promise<void> {
  let box = await mentionBox(page, text);
  if (PAINT_MODE === 'marks') {
    box = await page.evaluate((t) => {
      const mark = [...document.querySelectorAll('mark[data-annotation-category]')].find((m) => m.textContent === t)!;
      const r = mark.getClientRects()[0]!;
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }, text);
  }
  const y = box.y + box.height / 2;
  await page.mouse.move(Math.max(1, box.x - 15), y);
  await page.mouse.move(box.x + Math.min(box.width / 2, 20), y, { steps: 3 });
}
it('takes screenshots of the article, tooltip and popup', async () => {
  const h = await launch();
  const page = await h.open('rusi-brown-2022.html');
  await waitForMentions(page, 5);
  await page.screenshot({ path: shot('article') });
  await hoverFirstLine(page, '1956 Soviet–Japanese Joint Declaration');
  await page.locator('[data-annotation-tooltip] [data-part="source"]').first().waitFor();
  await page.waitForTimeout(200);
  await page.screenshot({ path: shot('tooltip') });
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await hoverFirstLine(page, 'Northern Territories');
  await page.locator('[data-annotation-tooltip] [data-part="source"]').first().waitFor();
  await page.waitForTimeout(200);
  await page.screenshot({ path: shot('tooltip2') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(100);
  await page.screenshot({ path: shot('tooltip-dark') });
  const claims = await h.open('claims.html');
  await waitForMentions(claims, 5);
  await expect.poll(() => checks(claims), { timeout: 10_000 }).toContainEqual(['143', 'conflict']);
  await hoverMention(claims, '143');
  await claims.locator('[data-annotation-tooltip] [data-part="check"]').waitFor();
  await claims.waitForTimeout(200);
  await claims.screenshot({ path: shot('conflict') });
  await page.bringToFront();
  const popup = await h.openPopup(page);
  await popup.setViewportSize({ width: 360, height: 900 });
  await popup.waitForTimeout(1200);
  await popup.screenshot({ path: shot('popup') });
  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.screenshot({ path: shot('popup-dark') });
  await h.close();
}, 120000);
