// Real Chromium with dist/chrome loaded, and a static server on 127.0.0.1 for test pages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
// @ts-expect-error: plain ESM helper shared with scripts/start.mjs
import { serveStatic } from '../../scripts/static-server.mjs';
import { CHROMIUM_FLAGS } from '../../scripts/chromium-flags.mjs';
import { locateMention, readChecks, readMentions, type Box, type ShownMention } from './in-page';

/** The extension APIs the harness calls inside the service worker. */
declare const chrome: {
  tabs: { query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<Array<{ id?: number }>> };
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
};

/**
 * Every real-browser test runs in both paint modes: `BACKSTORY_PAINT_MODE=marks` runs the suite
 * with <mark> elements, the default with CSS highlights.
 */
export const PAINT_MODE: 'highlights' | 'marks' = process.env.BACKSTORY_PAINT_MODE === 'marks' ? 'marks' : 'highlights';
/** The settings a fresh profile starts with in this run (the defaults, in this run's paint mode). */
export const START_SETTINGS = { version: 1, enabled: true, categories: {}, disabledSites: [], mentionMode: 'all', paintMode: PAINT_MODE };

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

/** `backForwardCache`: as real Chromium has it (Playwright turns it off unless told). */
export async function launch({ backForwardCache = false } = {}): Promise<Harness> {
  const server: { url: string; close(): Promise<void> } = await serveStatic(
    [join(ROOT, 'tests', 'e2e', 'fixtures'), join(ROOT, 'tests', 'fixtures', 'matching'), join(ROOT, 'build', 'demo')],
    { headers: (file: string) => (file.endsWith('csp.html') ? { 'content-security-policy': STRICT_CSP } : {}) },
  );
  const profile = mkdtempSync(join(tmpdir(), 'backstory-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    ignoreDefaultArgs: backForwardCache ? ['--disable-back-forward-cache'] : undefined,
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...CHROMIUM_FLAGS],
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(first.url()).host;
  if (PAINT_MODE !== 'highlights') await first.evaluate((settings) => chrome.storage.local.set({ settings }), START_SETTINGS);

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

export type { ShownMention } from './in-page';

/**
 * The page's mentions (not checked statements) inside `scope`, in reading order, read through
 * the page contract of this run's mode: CSS.highlights ranges, or <mark> elements (a mention
 * split over several marks is one).
 */
export function mentions(page: Page | Frame, scope = 'body'): Promise<ShownMention[]> {
  return page.evaluate(readMentions, [scope, PAINT_MODE] as const);
}

/** Checked statements inside `scope` as [text, verdict], in reading order. */
export function checks(page: Page, scope = 'body'): Promise<Array<[string, string]>> {
  return page.evaluate(readChecks, [scope, PAINT_MODE] as const);
}

/**
 * Scrolls through the whole page a screen at a time, as a reader does, waiting two frames at each
 * screen (statements are checked as the reader comes near them), and back to the top.
 */
export async function readThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
      scrollTo(0, y);
      await frames();
    }
    scrollTo(0, 0);
  });
}

/** Waits until the content script shows at least `min` mentions. */
export async function waitForMentions(page: Page | Frame, min = 1): Promise<void> {
  await expectPoll(async () => (await mentions(page)).length >= min);
}

async function expectPoll(ok: () => Promise<boolean>, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    if (await ok()) return;
    if (Date.now() > until) throw new Error('timed out waiting for mentions');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export type { Box } from './in-page';

/**
 * Where the `nth` mention (or checked statement) reading `text` inside `scope` is on screen:
 * its first mark, or its range's first line box.
 */
export function mentionBox(page: Page, text: string, scope = 'body', nth = 0): Promise<Box> {
  return page.evaluate(locateMention, [text, scope, nth, PAINT_MODE] as const);
}

/** Moves the pointer onto a mention (from just left of it, as a reader's pointer arrives). */
export async function hoverMention(page: Page, text: string, scope = 'body', nth = 0): Promise<Box> {
  const box = await mentionBox(page, text, scope, nth);
  const y = box.y + box.height / 2;
  await page.mouse.move(Math.max(1, box.x - 15), y);
  await page.mouse.move(box.x + Math.min(box.width / 2, 20), y, { steps: 3 });
  return box;
}

/** The tooltip's open panel. */
export const tooltipPanel = (page: Page) => page.locator('[data-annotation-tooltip] .panel.open');
