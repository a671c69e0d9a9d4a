// Privacy, proven in real Chromium: while pages are annotated, tooltips opened (their details
// loaded) and a setting changed in the popup, the extension makes no network request.
//
// How it is observed: Playwright reports every request of every page of the browser context (the
// pages, their content scripts, the popup page) and of the extension's service worker, where the
// details of a topic are read. The extension's reads of its own files (chrome-extension://…) are
// served from the installed extension, not the network: they are listed, and are the only requests
// allowed (the content script's lazily loaded parts come under a dynamic URL of the extension)
// besides what the pages themselves asked for from the 127.0.0.1 test server. That the
// worker's reads are seen at all shows the worker is being watched. In this run's paint mode
// (harness.ts PAINT_MODE).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { EXTENSION_DIR, hoverMention, launch, mentions, tooltipPanel, waitForMentions, type Harness } from './harness';

let h: Harness;
interface Seen {
  url: string;
  from: string;
  type: string;
}
const seen: Seen[] = [];

const tooltip = (page: Page) => tooltipPanel(page);

/** Hovers a mention until its tooltip shows its sources, then closes it with Escape. */
async function readTooltip(page: Page, text: string): Promise<void> {
  await page.mouse.move(1150, 880);
  await hoverMention(page, text);
  await tooltip(page).locator('[data-part="source"]').first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Escape');
  await expect.poll(async () => tooltip(page).count()).toBe(0);
}

beforeAll(async () => {
  h = await launch();
  const record = (r: Request) => {
    const worker = r.serviceWorker();
    const from = worker ? `service worker ${new URL(worker.url()).pathname}` : r.isNavigationRequest() ? 'navigation' : `page ${r.frame().url()}`;
    seen.push({ url: r.url(), from, type: r.resourceType() });
  };
  h.context.on('request', record);
});
afterAll(async () => h?.close());

describe('privacy in Chromium', () => {
  it('makes no network request while annotating, opening tooltips and changing settings', async () => {
    const contract = await h.open('contract.html');
    await waitForMentions(contract, 5);
    for (const text of ['Singapore agreement', 'Tokyo Declaration', '1956 Declaration']) await readTooltip(contract, text);

    const article = await h.open('rusi-brown-2022.html');
    await waitForMentions(article, 3);
    // The first mentions of three different categories (so, as marks, of three different topics).
    const found = await mentions(article);
    const firsts: string[] = [];
    for (const category of new Set(found.map((m) => m.category))) firsts.push(found.find((m) => m.category === category)!.text);
    firsts.splice(3);
    expect(firsts.length).toBeGreaterThan(0);
    for (const text of firsts) await readTooltip(article, text);

    const popup = await h.openPopup(article);
    await popup.locator('input[data-category="places"]').click({ force: true });
    await popup.locator('input[data-category="places"]').click({ force: true });
    await popup.close();
    // Anything the extension might send later (timers, the worker waking up) gets its chance.
    await new Promise((r) => setTimeout(r, 1500));

    const extension = `chrome-extension://${h.extensionId}/`;
    // The lazily loaded parts of the content script (its modules and the packed matcher) are
    // web-accessible with a dynamic URL: the extension's own files under a per-session id.
    const ownLazy = (url: string) => {
      const m = /^chrome-extension:\/\/[0-9a-f-]{36}\/(lazy\/[\w.-]+\.(?:js|json))$/.exec(url);
      return !!m && existsSync(join(EXTENSION_DIR, m[1]!));
    };
    console.info(`Chromium privacy: ${seen.length} requests seen:\n${seen.map((s) => `  ${s.type} ${s.url} (from ${s.from})`).join('\n')}`);

    // The watch reaches the worker: it saw the worker read the topics' details from the extension.
    expect(seen.some((s) => s.from.startsWith('service worker') && s.url.startsWith(`${extension}details/`))).toBe(true);
    // Everything else is a page's own request to the test server: the two documents (a favicon
    // at most besides).
    const network = seen.filter((s) => !s.url.startsWith(extension) && !ownLazy(s.url));
    expect(network.filter((s) => !s.url.startsWith(`${h.baseUrl}/`))).toEqual([]);
    expect(network.filter((s) => s.from.startsWith('service worker'))).toEqual([]);
    const paths = network.map((s) => new URL(s.url).pathname);
    expect(paths).toEqual(expect.arrayContaining(['/contract.html', '/rusi-brown-2022.html']));
    expect(paths.filter((p) => !['/contract.html', '/rusi-brown-2022.html', '/favicon.ico'].includes(p))).toEqual([]);
  });
});
