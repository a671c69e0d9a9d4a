// Privacy, proven in real Firefox ESR, in this run's paint mode (harness.ts PAINT_MODE): while
// pages are annotated, tooltips opened (their details and the lazy tooltip module loaded) and a
// setting changed in the popup, the extension makes no network request.
//
// How it is observed: every HTTP(S) request Firefox sends, from any part of it (pages, content
// scripts, the extension's background page, Firefox itself), goes through a recording proxy;
// 127.0.0.1 included. Each page's own requests are also recorded from the page side. The proxy
// must see nothing but what the pages themselves asked for. The extension reads its own files
// (moz-extension://…/details/*.json) inside Firefox: those never reach the network and the proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { hoverMention, launch, mentions, openTooltip, waitForMentions, type FirefoxHarness } from './harness';

let h: FirefoxHarness;
/** Requests as the pages saw them (document, favicon, …). */
const pageRequests: string[] = [];

async function open(path: string): Promise<Page> {
  const page = await h.browser.newPage();
  page.on('request', (r) => void pageRequests.push(r.url()));
  await page.goto(`${h.baseUrl}/${path}`);
  await waitForMentions(page, 3);
  return page;
}

/** Hovers the first mention reading `text` until its tooltip shows its sources, then closes it with Escape. */
async function readTooltip(page: Page, text: string): Promise<void> {
  await page.mouse.move(5, 5);
  await hoverMention(page, text);
  await expect.poll(async () => (await openTooltip(page))?.sources ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await expect.poll(async () => openTooltip(page), { timeout: 5_000 }).toBeNull();
}

beforeAll(async () => {
  h = await launch({ recordNetwork: true });
});
afterAll(async () => h?.close());

describe('privacy in Firefox', () => {
  it('makes no network request while annotating, opening tooltips and changing settings', async () => {
    const contract = await open('contract.html');
    for (const text of ['Singapore agreement', 'Tokyo Declaration', '1956 Declaration']) await readTooltip(contract, text);
    const article = await open('rusi-brown-2022.html');
    // Three different mentions, of as many categories as there are (each a different topic's details).
    const shown = await mentions(article);
    const picked = [...new Map(shown.map((m) => [m.category, m.text])).values(), ...new Set(shown.map((m) => m.text))];
    const texts = [...new Set(picked)].slice(0, 3);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) await readTooltip(article, text);

    const popup = await h.openPopup(article);
    await popup.click('input[data-category="places"]');
    await popup.click('input[data-category="places"]');
    await popup.close();
    // Anything the extension might send later (timers, the background waking up) gets its chance.
    await new Promise((r) => setTimeout(r, 1500));

    const proxied = h.proxy!.requests;
    console.info(
      `Firefox privacy: the proxy saw ${proxied.length} requests:\n${proxied.map((r) => `  ${r.method} ${r.url}${r.passed ? '' : ' (refused)'}`).join('\n')}\n` +
        `the pages saw ${pageRequests.length}:\n${[...new Set(pageRequests)].map((u) => `  ${u}`).join('\n')}`,
    );
    // The proxy is in the path: it saw the pages load.
    expect(proxied.map((r) => r.url)).toEqual(expect.arrayContaining([`${h.baseUrl}/contract.html`, `${h.baseUrl}/rusi-brown-2022.html`]));
    // Nothing but the test server was asked for anything, and only for what the pages asked for.
    expect(proxied.filter((r) => !r.passed)).toEqual([]);
    expect(proxied.filter((r) => !pageRequests.includes(r.url))).toEqual([]);
  });
});
