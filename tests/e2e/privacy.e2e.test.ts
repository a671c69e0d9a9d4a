// Privacy, proven in real Chromium: while pages are annotated, tooltips opened (their details
// loaded) and a setting changed in the popup, the extension makes no network request.
//
// How it is observed: Playwright reports every request of every page of the browser context (the
// pages, their content scripts, the popup page) and of the extension's service worker, where the
// details of a topic are read. The extension's reads of its own files (chrome-extension://…) are
// served from the installed extension, not the network: they are listed, and are the only requests
// allowed besides what the pages themselves asked for from the 127.0.0.1 test server. That the
// worker's reads are seen at all shows the worker is being watched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { launch, waitForMarks, type Harness } from './harness';

let h: Harness;
interface Seen {
  url: string;
  from: string;
  type: string;
}
const seen: Seen[] = [];

const tooltip = (page: Page) => page.locator('[data-annotation-tooltip] .panel.open');

/** Hovers a mention until its tooltip shows its sources, then closes it with Escape. */
async function readTooltip(page: Page, topicId: string): Promise<void> {
  await page.mouse.move(1150, 880);
  await page.locator(`mark[data-annotation-id="${topicId}"][tabindex]`).first().hover();
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
    await waitForMarks(contract, 5);
    for (const id of ['singapore-agreement-2018', 'tokyo-declaration-1993', 'joint-declaration-1956']) await readTooltip(contract, id);

    const article = await h.open('rusi-brown-2022.html');
    await waitForMarks(article, 3);
    const topics = await article.evaluate(() => [...new Set([...document.querySelectorAll('mark[data-annotation-id][tabindex]')].map((m) => m.getAttribute('data-annotation-id')!))].slice(0, 3));
    expect(topics.length).toBeGreaterThan(0);
    for (const id of topics) await readTooltip(article, id);

    const popup = await h.openPopup(article);
    await popup.locator('input[data-category="places"]').click({ force: true });
    await popup.locator('input[data-category="places"]').click({ force: true });
    await popup.close();
    // Anything the extension might send later (timers, the worker waking up) gets its chance.
    await new Promise((r) => setTimeout(r, 1500));

    const extension = `chrome-extension://${h.extensionId}/`;
    console.info(`Chromium privacy: ${seen.length} requests seen:\n${seen.map((s) => `  ${s.type} ${s.url} (from ${s.from})`).join('\n')}`);

    // The watch reaches the worker: it saw the worker read the topics' details from the extension.
    expect(seen.some((s) => s.from.startsWith('service worker') && s.url.startsWith(`${extension}details/`))).toBe(true);
    // Everything else is a page's own request to the test server: the two documents (a favicon
    // at most besides).
    const network = seen.filter((s) => !s.url.startsWith(extension));
    expect(network.filter((s) => !s.url.startsWith(`${h.baseUrl}/`))).toEqual([]);
    expect(network.filter((s) => s.from.startsWith('service worker'))).toEqual([]);
    const paths = network.map((s) => new URL(s.url).pathname);
    expect(paths).toEqual(expect.arrayContaining(['/contract.html', '/rusi-brown-2022.html']));
    expect(paths.filter((p) => !['/contract.html', '/rusi-brown-2022.html', '/favicon.ico'].includes(p))).toEqual([]);
  });
});
