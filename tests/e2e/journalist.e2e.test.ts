// What a journalist does: sees a statement the sources contradict, copies a citation, surveys
// the page from the popup, and moves through mentions with the keyboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, waitForMarks, type Harness } from './harness';

declare const chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: object, o: object): Promise<unknown> } };

let h: Harness;
let page: Page;
beforeAll(async () => {
  h = await launch();
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  page = await h.open('claims.html');
  await waitForMarks(page, 5);
});
afterAll(async () => h?.close());

const tooltip = () => page.locator('[data-annotation-tooltip] .panel.open');

async function command(name: string): Promise<void> {
  await page.bringToFront();
  const worker = await h.worker();
  await worker.evaluate(async (command) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await chrome.tabs.sendMessage(tab!.id!, { type: 'page:command', payload: { command } }, { frameId: 0 });
  }, name);
}

describe('claim checks', () => {
  it('shows a conflicting statement beside the sourced fact and its quote', async () => {
    const conflict = page.locator('mark[data-annotation-check="conflict"]');
    expect(await conflict.getAttribute('data-annotation-id')).toBe('un-general-assembly-resolution-2022');
    expect(await conflict.getAttribute('data-annotation-category')).toBe('events');
    await conflict.hover();
    const check = tooltip().locator('[data-part="check"]');
    await check.waitFor();
    expect(await check.getAttribute('data-verdict')).toBe('conflict');
    expect(await check.textContent()).toContain('This page says “143”');
    expect(await check.textContent()).toContain('141');
    expect(await check.locator('blockquote').first().textContent()).toBe('Supported by 141 of the 193 UN member states');
    expect(await check.locator('[data-part="source"]').count()).toBeGreaterThan(0);
  });

  it('copies a ready citation of the quote', async () => {
    await tooltip().locator('[data-part="check"] button[data-copy="text"]').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^How many UN member states supported it: “Supported by 141 of the 193 UN member states” — A former Japanese ambassador to Moscow \(not named\), “Where is Japan’s Russian policy headed\? The lessons of the invasion of Ukraine”, 2022\. \(Quoted via Backstory, corpus \w+\.\)$/);
    await page.keyboard.press('Escape');
  });
});

describe('page overview', () => {
  it('lists the topics of the page and takes the reader to one', async () => {
    const popup = await h.openPopup(page);
    const item = popup.locator('.overview button[data-topic="boris-yeltsin"]');
    await item.waitFor();
    expect(await popup.locator('.conflicts').textContent()).toBe('1 statement here conflicts with the sources');
    await item.click();
    await page.bringToFront();
    await expect.poll(async () => tooltip().locator('h2').textContent()).toBe('Boris Yeltsin');
    await page.keyboard.press('Escape');
    await popup.close();
  });
});

describe('keyboard', () => {
  it('moves to the next mention and opens it; Escape returns focus to where it was', async () => {
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'start';
      b.textContent = 'start';
      document.body.prepend(b);
      b.focus();
    });
    await command('next-mention');
    await expect.poll(async () => tooltip().count()).toBe(1);
    const first = await page.evaluate(() => document.activeElement?.getAttribute('data-annotation-id'));
    expect(first).toBe('shinzo-abe');
    await command('next-mention');
    await expect.poll(async () => page.evaluate(() => document.activeElement?.getAttribute('data-annotation-id'))).toBe('vladimir-putin');
    await page.keyboard.press('Escape');
    await expect.poll(async () => tooltip().count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start');
  });

  it('turns annotations off and on for this page only', async () => {
    await command('toggle-annotations');
    await expect.poll(async () => page.locator('mark[data-annotation-id]').count()).toBe(0);
    await command('toggle-annotations');
    await expect.poll(async () => page.locator('mark[data-annotation-id]').count()).toBeGreaterThan(5);
  });

  it('gives screen readers one polite summary', async () => {
    const status = await page.evaluate(() => {
      const host = document.querySelector('backstory-status');
      const region = host?.shadowRoot?.querySelector('[role="status"]');
      return { live: region?.getAttribute('aria-live'), text: region?.textContent, hosts: document.querySelectorAll('backstory-status').length };
    });
    expect(status.live).toBe('polite');
    expect(status.text).toMatch(/^Backstory: \d+ topics annotated on this page$/);
    expect(status.hosts).toBe(1);
  });
});
