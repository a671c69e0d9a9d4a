// The extension updated or reloaded under an open page: the old content script must go quiet and
// tidy at the first thing it is asked to do: no errors, no highlight, mark or tooltip left behind.
// (Chromium does not run a reloaded unpacked extension reliably again under automation here, so
// the new version's start on the next page load is not part of this test.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, mentionBox, mentions, PAINT_MODE, tooltipPanel, waitForMentions, type Harness } from './harness';

declare const chrome: { runtime: { reload(): void } };

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
});
