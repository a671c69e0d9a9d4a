// Real Chromium with dist/chrome loaded, and a static server on 127.0.0.1 for test pages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
// @ts-expect-error: plain ESM helper shared with scripts/start.mjs
import { serveStatic } from '../../scripts/static-server.mjs';

/** The one extension API the harness calls inside the service worker. */
declare const chrome: { tabs: { query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<Array<{ id?: number }>> } };

const ROOT = join(import.meta.dirname, '..', '..');
export const EXTENSION_DIR = join(ROOT, 'dist', 'chrome');
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** What a locked-down page sends: no styles, no scripts, nothing but its own images. */
export const STRICT_CSP = "default-src 'none'; img-src 'self'; style-src 'none'; script-src 'none'";

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  baseUrl: string;
  worker(): Promise<Worker>;
  open(path: string): Promise<Page>;
  /** The popup as a page, pointed at the tab showing `page`. */
  openPopup(page: Page): Promise<Page>;
  close(): Promise<void>;
}

export async function launch(): Promise<Harness> {
  const server: { url: string; close(): Promise<void> } = await serveStatic(
    [join(ROOT, 'tests', 'e2e', 'fixtures'), join(ROOT, 'tests', 'fixtures', 'matching'), join(ROOT, 'build', 'demo')],
    { headers: (file: string) => (file.endsWith('csp.html') ? { 'content-security-policy': STRICT_CSP } : {}) },
  );
  const profile = mkdtempSync(join(tmpdir(), 'backstory-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(first.url()).host;

  async function worker(): Promise<Worker> {
    return context.serviceWorkers().find((w) => w.url().includes(extensionId)) ?? context.waitForEvent('serviceworker');
  }

  // Without the "tabs" permission the extension can't read tab URLs, so the page is brought to
  // the front and the active tab is asked for.
  async function tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    const w = await worker();
    const id = await w.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? null);
    if (id === null) throw new Error(`no tab shows ${page.url()}`);
    return id;
  }

  return {
    context,
    extensionId,
    baseUrl: server.url,
    worker,
    async open(path) {
      const page = await context.newPage();
      await page.goto(`${server.url}/${path}`);
      return page;
    },
    async openPopup(page) {
      const tab = await tabIdOf(page);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
      await popup.locator('[data-category]').first().waitFor({ state: 'attached' });
      return popup;
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the content script has annotated the page (at least `min` marks). */
export async function waitForMarks(page: Page, min = 1): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('mark[data-annotation-id]').length >= n, min);
}

export const marks = (page: Page, selector = '') =>
  page.evaluate((sel) => [...document.querySelectorAll(`mark[data-annotation-id]${sel}`)].map((m) => ({
    id: m.getAttribute('data-annotation-id'),
    category: m.getAttribute('data-annotation-category'),
    text: m.textContent,
  })), selector);
