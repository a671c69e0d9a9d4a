// The extension updated or reloaded under an open page: the old content script must go quiet and
// tidy at the first thing it is asked to do: no errors, no highlight, mark or tooltip left behind.
// After an install or update the background runs the content script in the tabs already open
// (the new version takes over there); that a second injection into a live page changes nothing is
// tested below. (Chromium does not start a reloaded unpacked extension again under automation
// here, so the new version's take-over after a real reload is not part of these tests.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverMention, launch, mentionBox, mentions, PAINT_MODE, tooltipPanel, waitForMentions, type Harness } from './harness';

declare const chrome: {
  runtime: { reload(): void; getManifest(): { content_scripts: Array<{ js: string[]; css: string[] }> } };
  tabs: { query(q: { url: string }): Promise<Array<{ id: number }>> };
  scripting: {
    insertCSS(o: { target: { tabId: number; allFrames: boolean }; files: string[] }): Promise<void>;
    executeScript(o: { target: { tabId: number; allFrames: boolean }; files: string[] }): Promise<unknown>;
  };
};

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

describe('an extension reloaded under an open page', () => {
  it('leaves the old page tidy and without errors', async () => {
    const page = await h.open('contract.html');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && /backstory|extension context/i.test(m.text())) errors.push(m.text());
    });
    await waitForMentions(page, 5);
    const box = await mentionBox(page, 'Singapore agreement', '#plain');
    const before = await page.evaluate(() => (window as unknown as { __before: { html: string } }).__before.html);

    const worker = await h.worker();
    await worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    // Give the browser time to unload the old version and start the new one.
    await page.waitForTimeout(1500);

    // The reader moves the pointer over a mention: the old instance notices it is orphaned.
    await page.mouse.move(box.x - 20, box.y + box.height / 2);
    await page.mouse.move(box.x + 10, box.y + box.height / 2, { steps: 4 });
    await page.waitForTimeout(600);
    await expect.poll(async () => (await mentions(page)).length).toBe(0);
    expect(await tooltipPanel(page).count()).toBe(0);
    if (PAINT_MODE === 'marks') expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    expect(errors).toEqual([]);

    await page.close();
  }, 60_000);

  it('runs again in an open tab (as after an update) without doubling anything', async () => {
    // Its own browser: the test above reloaded the extension away.
    const fresh = await launch();
    const page = await fresh.open('contract.html');
    await waitForMentions(page, 5);
    // Claim checks land after the scan: the page is compared once it has stopped changing.
    const bodyHtml = () => page.evaluate(() => document.body.innerHTML);
    let html = await bodyHtml();
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(250);
      const now = await bodyHtml();
      if (now === html) break;
      html = now;
    }
    const shown = await mentions(page);
    const worker = await fresh.worker();
    // What the background does for each open tab after an install or update.
    await worker.evaluate(async (url) => {
      const { js, css } = chrome.runtime.getManifest().content_scripts[0]!;
      for (const { id } of await chrome.tabs.query({ url })) {
        await chrome.scripting.insertCSS({ target: { tabId: id, allFrames: true }, files: css });
        await chrome.scripting.executeScript({ target: { tabId: id, allFrames: true }, files: js });
      }
    }, page.url());
    await page.waitForTimeout(800);
    expect(await mentions(page)).toEqual(shown);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(html);
    await hoverMention(page, 'Singapore agreement', '#plain');
    await expect.poll(() => tooltipPanel(page).count()).toBe(1);
    expect(await page.evaluate(() => document.querySelectorAll('[data-annotation-tooltip]').length)).toBe(1);
    await fresh.close();
  }, 60_000);
});
