// The page contract, in real Chromium with the built extension: highlights, unchanged text,
// untouched zones, the tooltip, and the popup's live category switches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, marks, waitForMarks, type Harness } from './harness';

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await launch();
  page = await h.open('contract.html');
  await waitForMarks(page, 5);
});
afterAll(async () => h?.close());

const tooltip = () => page.locator('[data-annotation-tooltip] .panel.open');

describe('highlights', () => {
  it('marks each mention with its topic and category', async () => {
    const found = await marks(page);
    const byText = Object.fromEntries(found.map((m) => [m.text, m]));
    expect(byText['Singapore agreement']).toMatchObject({ id: 'singapore-agreement-2018', category: 'agreements' });
    expect(byText['Tokyo Declaration']).toMatchObject({ id: 'tokyo-declaration-1993', category: 'agreements' });
    expect(byText['1956 Soviet–Japanese Joint Declaration']).toMatchObject({ id: 'joint-declaration-1956' });
    expect(byText['1956 Declaration']).toMatchObject({ id: 'joint-declaration-1956' });
    expect(byText['Soviet-Japanese Joint Declaration']).toMatchObject({ id: 'joint-declaration-1956' });
    expect(found.some((m) => m.text === 'Shikotan')).toBe(true);
  });

  it('marks a mention that spans an inline element as one mention in several marks', async () => {
    const split = await page.evaluate(() =>
      [...document.querySelectorAll('#split mark[data-annotation-id]')].map((m) => [m.textContent, m.getAttribute('data-annotation-id'), m.getAttribute('tabindex')]),
    );
    expect(split).toEqual([
      ['Northern ', 'northern-territories', '0'],
      ['Territories', 'northern-territories', null],
    ]);
  });

  it('leaves the page text exactly as it was', async () => {
    const { before, after } = await page.evaluate(() => ({
      before: (window as unknown as { __before: { text: string } }).__before.text,
      after: document.body.textContent,
    }));
    expect(after).toBe(before);
  });

  it('never touches inputs, editors, code, scripts, vector graphics or the page’s own marks', async () => {
    const zones = await page.evaluate(() => {
      const before = (window as unknown as { __before: { zones: string[] } }).__before.zones;
      const now = ['input', 'textarea', 'editable', 'pre', 'code', 'svg', 'script', 'own-mark'].map((id) => document.getElementById(id)!.outerHTML);
      return { before, now };
    });
    expect(zones.now).toEqual(zones.before);
  });

  it('records the cost of each scan as a performance measure the page can read', async () => {
    const measures = await page.evaluate(() => performance.getEntriesByName('backstory:scan').map((e) => e.duration));
    expect(measures.length).toBeGreaterThan(0);
    expect(measures[0]).toBeGreaterThanOrEqual(0);
  });
});

describe('tooltip', () => {
  it('opens on hover with sources and opposing viewpoints, and closes on Escape', async () => {
    await page.locator('#plain mark[data-annotation-id="singapore-agreement-2018"]').hover();
    await expect.poll(async () => tooltip().count()).toBe(1);
    await tooltip().locator('[data-part="source"]').first().waitFor();
    expect(await tooltip().locator('h2').textContent()).toContain('Singapore');
    expect(await tooltip().locator('[data-part="source"]').count()).toBeGreaterThanOrEqual(1);
    expect(await tooltip().locator('[data-part="viewpoint"]').count()).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Escape');
    await expect.poll(async () => tooltip().count()).toBe(0);
  });

  it('stays open while the pointer moves from the mention into it', async () => {
    const mark = page.locator('#plain mark[data-annotation-id="singapore-agreement-2018"]');
    await page.mouse.move(1150, 880);
    await mark.hover();
    await tooltip().locator('[data-part="source"]').first().waitFor();
    const box = (await tooltip().locator('.card').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 8 });
    await page.waitForTimeout(800);
    expect(await tooltip().count()).toBe(1);
    await page.mouse.move(1150, 880);
    await expect.poll(async () => tooltip().count(), { timeout: 3000 }).toBe(0);
  });

  it('does not open when the pointer only passes over a mention', async () => {
    const mark = page.locator('#plain mark[data-annotation-id="singapore-agreement-2018"]');
    const box = (await mark.boundingBox())!;
    await page.mouse.move(box.x - 40, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width + 40, box.y + box.height / 2, { steps: 3 });
    await page.waitForTimeout(600);
    expect(await tooltip().count()).toBe(0);
  });

  it('stays within the viewport beside the mention', async () => {
    await page.locator('#plain mark[data-annotation-id="tokyo-declaration-1993"]').hover();
    await tooltip().locator('[data-part="source"]').first().waitFor();
    const geometry = await page.evaluate(() => {
      const host = document.querySelector('[data-annotation-tooltip]')!;
      const panel = host.shadowRoot!.querySelector('.panel')!.getBoundingClientRect();
      const mark = document.querySelector('#plain mark[data-annotation-id="tokyo-declaration-1993"]')!.getBoundingClientRect();
      return { panel: panel.toJSON(), mark: mark.toJSON(), vw: innerWidth, vh: innerHeight };
    });
    expect(geometry.panel.left).toBeGreaterThanOrEqual(0);
    expect(geometry.panel.right).toBeLessThanOrEqual(geometry.vw);
    expect(geometry.panel.top).toBeGreaterThanOrEqual(0);
    expect(geometry.panel.bottom).toBeLessThanOrEqual(geometry.vh);
    expect(geometry.panel.top).toBeGreaterThanOrEqual(geometry.mark.bottom);
    await page.mouse.move(1150, 880);
    await expect.poll(async () => tooltip().count(), { timeout: 3000 }).toBe(0);
  });

  it('opens on keyboard focus, lets Enter move into it, and Escape returns focus to the mention', async () => {
    await page.locator('#after-heading mark[data-annotation-id]').first().focus();
    await tooltip().locator('[data-part="source"]').first().waitFor();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-annotation-tooltip'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(async () => tooltip().count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.closest('#after-heading') !== null)).toBe(true);
  });
});

describe('popup', () => {
  it('switches a category off on an open page without reload, and back on', async () => {
    const popup = await h.openPopup(page);
    const before = (await marks(page, '[data-annotation-category="agreements"]')).length;
    expect(before).toBeGreaterThan(0);
    const switchFor = popup.locator('input[data-category="agreements"]');
    expect(await switchFor.isChecked()).toBe(true);
    await switchFor.click({ force: true });
    await expect.poll(async () => (await marks(page, '[data-annotation-category="agreements"]')).length).toBe(0);
    expect((await marks(page, '[data-annotation-category="places"]')).length).toBeGreaterThan(0);
    await switchFor.click({ force: true });
    await expect.poll(async () => (await marks(page, '[data-annotation-category="agreements"]')).length).toBe(before);
    await popup.close();
  });

  it('shows how many mentions of each category the page has', async () => {
    const popup = await h.openPopup(page);
    // One mention may span several marks; its first carries the tabindex.
    const mentions = await page.evaluate(
      () => document.querySelectorAll('mark[data-annotation-category="agreements"][tabindex]:not([data-annotation-check])').length,
    );
    expect(mentions).toBeGreaterThan(1);
    const row = popup.locator('label', { has: popup.locator('input[data-category="agreements"]') });
    await expect.poll(async () => row.locator('.count').textContent()).toBe(String(mentions));
    await popup.close();
  });

  it('turns annotations off on this site and restores the original DOM', async () => {
    const popup = await h.openPopup(page);
    await popup.locator('input[data-site]').click({ force: true });
    await expect.poll(async () => (await marks(page)).length).toBe(0);
    const html = await page.evaluate(() => ({ now: document.body.innerHTML, before: (window as unknown as { __before: { html: string } }).__before.html }));
    expect(html.now).toBe(html.before);
    await popup.locator('input[data-site]').click({ force: true });
    await waitForMarks(page, 5);
    await popup.close();
  });
});

describe('background', () => {
  it('serves tooltip details after the browser stopped its service worker', async () => {
    const cdp = await h.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await page.locator('mark[data-annotation-id="joint-declaration-1956"]').first().hover();
    await tooltip().locator('[data-part="source"]').first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
  });
});
