// What a reader does, in real Firefox ESR with dist/firefox installed: mentions highlighted per the
// page contract with the page text unchanged, hover opens the tooltip with sources and opposing
// viewpoints, Escape closes it, and a category switched off applies live.
//
// The category switch is clicked in the real popup.html, opened in a tab (see harness.ts for how:
// WebDriver BiDi can't navigate to moz-extension://); the toolbar button's panel itself isn't
// driven, in Firefox as in Chromium. The click saves to storage.local, and the open page follows
// through storage.onChanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launch, marks, openTooltip, waitForMarks, type FirefoxHarness } from './harness';

let h: FirefoxHarness;
let page: Page;

beforeAll(async () => {
  h = await launch();
  page = await h.open('contract.html');
  await waitForMarks(page, 5);
});
afterAll(async () => h?.close());

const poll = { timeout: 10_000, interval: 100 };

describe('highlights in Firefox', () => {
  it('marks each mention with its topic and category', async () => {
    const found = await marks(page);
    const byText = Object.fromEntries(found.map((m) => [m.text, m]));
    expect(byText['Singapore agreement']).toMatchObject({ id: 'singapore-agreement-2018', category: 'agreements' });
    expect(byText['Tokyo Declaration']).toMatchObject({ id: 'tokyo-declaration-1993', category: 'agreements' });
    expect(byText['1956 Declaration']).toMatchObject({ id: 'joint-declaration-1956' });
    expect(found.some((m) => m.text === 'Shikotan' && m.category === 'places')).toBe(true);
    for (const m of found) expect(m.id && m.category).toBeTruthy();
  });

  it('leaves the page text exactly as it was', async () => {
    const { before, after } = await page.evaluate(() => ({
      before: (window as unknown as { __before: { text: string } }).__before.text,
      after: document.body.textContent,
    }));
    expect(after).toBe(before);
  });

  it('never touches inputs, editors, code, scripts or vector graphics', async () => {
    const zones = await page.evaluate(() => ({
      before: (window as unknown as { __before: { zones: string[] } }).__before.zones,
      now: ['input', 'textarea', 'editable', 'pre', 'code', 'svg', 'script', 'own-mark'].map((id) => document.getElementById(id)!.outerHTML),
    }));
    expect(zones.now).toEqual(zones.before);
  });
});

describe('tooltip in Firefox', () => {
  it('opens on hover with sources and opposing viewpoints, styled, and closes on Escape', async () => {
    await page.hover('#plain mark[data-annotation-id="singapore-agreement-2018"]');
    await expect.poll(async () => (await openTooltip(page))?.sources ?? 0, poll).toBeGreaterThanOrEqual(1);
    const shown = (await openTooltip(page))!;
    expect(shown.heading).toContain('Singapore');
    expect(shown.viewpoints).toBeGreaterThanOrEqual(2);
    // The shadow root's own styles apply (constructed sheets from a content script work in Firefox).
    expect(shown.position).toBe('fixed');
    expect(shown.background).not.toBe('rgba(0, 0, 0, 0)');

    await page.keyboard.press('Escape');
    await expect.poll(async () => openTooltip(page), poll).toBeNull();
  });
});

describe('a page with a strict Content-Security-Policy in Firefox', () => {
  it('is annotated and shows a styled tooltip although the page allows no styles of its own', async () => {
    const strict = await h.open('csp.html');
    await waitForMarks(strict, 1);
    await strict.hover('mark[data-annotation-id="singapore-agreement-2018"]');
    await expect.poll(async () => (await openTooltip(strict))?.viewpoints ?? 0, poll).toBeGreaterThanOrEqual(2);
    const shown = (await openTooltip(strict))!;
    expect(shown.position).toBe('fixed');
    expect(shown.background).not.toBe('rgba(0, 0, 0, 0)');
    await strict.close();
  });
});

describe('popup in Firefox', () => {
  it('switches a category off on an open page without reload, and back on', async () => {
    const agreements = async () => (await marks(page, '[data-annotation-category="agreements"]')).length;
    const before = await agreements();
    expect(before).toBeGreaterThan(0);
    await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));

    const popup = await h.openPopup(page);
    const checked = () => popup.$eval('input[data-category="agreements"]', (el) => (el as HTMLInputElement).checked);
    expect(await checked()).toBe(true);
    // The popup counts this page's mentions, so it is looking at the right tab.
    await popup.waitForFunction(() => document.querySelector('.total')?.textContent?.includes('mention'), { timeout: 10_000 });

    await popup.click('input[data-category="agreements"]');
    expect(await checked()).toBe(false);
    await expect.poll(agreements, poll).toBe(0);
    expect((await marks(page, '[data-annotation-category="places"]')).length).toBeGreaterThan(0);

    await popup.click('input[data-category="agreements"]');
    await expect.poll(agreements, poll).toBe(before);
    expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
    await popup.close();
  });
});
