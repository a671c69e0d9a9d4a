// Claim checks in real Firefox ESR, in this run's paint mode: a statement the sources contradict is
// marked as a conflict; with painted highlights, one forty screens down waits until the reader
// scrolls near it (an IntersectionObserver in the content script), with marks it is checked at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { checks, launch, PAINT_MODE, type FirefoxHarness } from './harness';

let h: FirefoxHarness;
let page: Page;
const CONFLICT = [['143', 'conflict']];
const poll = { timeout: 15_000, interval: 100 };

beforeAll(async () => {
  h = await launch();
  page = await h.open('long-claims.html');
});
afterAll(async () => h?.close());

describe(`claim checks in Firefox (${PAINT_MODE})`, () => {
  it('marks a statement in view that the sources contradict as a conflict', async () => {
    await expect.poll(() => checks(page, '#top'), poll).toEqual(CONFLICT);
  });

  it.runIf(PAINT_MODE === 'highlights')('checks a statement far down once the reader scrolls near it, not before', async () => {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await checks(page, '#bottom')).toEqual([]);
    await page.evaluate(() => document.querySelector('#bottom')!.scrollIntoView());
    await expect.poll(() => checks(page, '#bottom'), poll).toEqual(CONFLICT);
  });

  it.runIf(PAINT_MODE === 'marks')('checks every statement as the scan ends', async () => {
    await expect.poll(() => checks(page, '#bottom'), poll).toEqual(CONFLICT);
  });
});
