// Real Firefox ESR with dist/firefox installed, driven by puppeteer-core over WebDriver BiDi, and a
// static server on 127.0.0.1 for test pages (the same pages as the Chromium tests).
//
// Opening the popup: WebDriver BiDi refuses to navigate a tab to a moz-extension:// address, so
// the harness asks Firefox's own window (privileged, allowed by --remote-allow-system-access) to
// open the real popup.html in a tab, as `popup.html?tab=ID` pointed at the page under test: the
// same popup page the toolbar button shows, opened the way the Chromium harness opens it.
//
// Paint modes: every test runs in both (tests/e2e/harness.ts PAINT_MODE, from
// BACKSTORY_PAINT_MODE). For `marks`, launch() opens the extension's options page the same way
// and stores the settings through its browser.storage before any test page loads. The page
// contract is read by the same in-page functions as in Chromium (tests/e2e/in-page.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
// @ts-expect-error: plain ESM helper shared with scripts/start.mjs
import { serveStatic } from '../../scripts/static-server.mjs';
import { PAINT_MODE, START_SETTINGS, STRICT_CSP } from '../e2e/harness';
import { locateMention, paintedHighlights, readChecks, readMentions, type Box, type ShownMention } from '../e2e/in-page';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy';

const ROOT = join(import.meta.dirname, '..', '..');
export const EXTENSION_DIR = join(ROOT, 'dist', 'firefox');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** build.mjs GECKO_ID: the add-on id in dist/firefox/manifest.json. */
export const ADDON_ID = 'backstory@backstory-extension.org';
/** Firefox gives each install a random moz-extension:// host; the test profile pins it. */
export const EXTENSION_UUID = '6b2c6d1e-5c1a-4f7e-9d3b-b4c45e0f7a11';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
export { PAINT_MODE, START_SETTINGS, STRICT_CSP, type Box, type ShownMention };

/** The extension API the harness calls inside the extension's own pages (as `window.browser`). */
interface ExtensionWindow {
  browser?: { storage: { local: { set(items: Record<string, unknown>): Promise<void>; get(key: string): Promise<Record<string, unknown>> } } };
}

export interface FirefoxHarness {
  browser: Browser;
  baseUrl: string;
  /** Set when launched with `recordNetwork`: every HTTP(S) request Firefox sent. */
  proxy: RecordingProxy | null;
  open(path: string): Promise<Page>;
  /** The real popup.html in a tab, pointed at the tab showing `page`. */
  openPopup(page: Page): Promise<Page>;
  /** One of the extension's own pages (options.html, …) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * Route all of Firefox's HTTP(S) traffic, 127.0.0.1 included, through a recording proxy that
   * passes on only requests to the test server.
   */
  recordNetwork?: boolean;
  /** What to install instead of dist/firefox (a directory or a zip with the same add-on id). */
  extension?: string;
}

/** The subset of puppeteer's (untyped) BiDi connection the harness uses. */
interface BidiConnection {
  send(
    method: string,
    params: object,
  ): Promise<{ result: { contexts?: Array<{ context: string }>; result?: { value?: unknown }; type?: string; exceptionDetails?: { text: string } } }>;
}

function proxyPrefs(port: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.no_proxies_on': '',
    // Firefox never proxies localhost unless told to; the test pages must go through it too.
    'network.proxy.allow_hijacking_localhost': true,
    'network.dns.disablePrefetch': true,
    'network.http.speculative-parallel-limit': 0,
    'network.trr.mode': 5,
  };
}

export async function launch(options: LaunchOptions = {}): Promise<FirefoxHarness> {
  const server: { url: string; close(): Promise<void> } = await serveStatic([join(ROOT, 'tests', 'e2e', 'fixtures'), join(ROOT, 'build', 'demo')], {
    headers: (file: string) => (file.endsWith('csp.html') ? { 'content-security-policy': STRICT_CSP } : {}),
  });
  const proxy = options.recordNetwork ? await startRecordingProxy(server.url) : null;
  const profile = mkdtempSync(join(tmpdir(), 'backstory-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    enableExtensions: true,
    userDataDir: profile,
    defaultViewport: { width: 1200, height: 900 },
    args: ['--remote-allow-system-access'],
    // Firefox's own Remote Settings sync (firefox.settings.services.mozilla.com) would poll the
    // network on its own, with or without the extension; a release build honours a dummy server
    // only with this variable set. Mozilla's own test profiles do the same.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      ...(proxy ? proxyPrefs(proxy.port) : {}),
    },
  });
  const id = await browser.installExtension(options.extension ?? EXTENSION_DIR);
  if (id !== ADDON_ID) throw new Error(`installed ${id}, expected ${ADDON_ID}`);

  const bidi = (browser as unknown as { connection: BidiConnection }).connection;
  /** Evaluates an expression in Firefox's own (privileged) browser window. */
  async function inBrowserWindow(expression: string): Promise<unknown> {
    const tree = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const context = tree.result.contexts?.[0]?.context;
    if (!context) throw new Error('no Firefox window to script');
    const { result } = await bidi.send('script.evaluate', { expression, target: { context }, awaitPromise: false });
    if (result.type !== 'success') throw new Error(`browser window script failed: ${result.exceptionDetails?.text ?? 'unknown error'}`);
    return result.result?.value;
  }

  /**
   * Opens `${EXTENSION_ORIGIN}/${path}` in a new tab from Firefox's own window, followed by what
   * the expression `suffix` evaluates to there, and waits until the tab shows the extension's page.
   */
  async function openInTab(path: string, suffix = "''"): Promise<Page> {
    const before = new Set(await browser.pages());
    await inBrowserWindow(`(() => {
      const url = ${JSON.stringify(`${EXTENSION_ORIGIN}/${path}`)} + ${suffix};
      gBrowser.selectedTab = gBrowser.addTab(url, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
    })()`);
    let opened: Page | undefined;
    for (let tries = 0; !opened && tries < 100; tries++) {
      opened = (await browser.pages()).find((p) => !before.has(p));
      if (!opened) await new Promise((r) => setTimeout(r, 50));
    }
    if (!opened) throw new Error(`${path} did not open in a tab`);
    await opened.waitForFunction((origin) => location.origin === origin && document.readyState !== 'loading', { timeout: 10_000 }, EXTENSION_ORIGIN);
    return opened;
  }

  // This run's paint mode, stored before any page loads (a fresh profile starts with the defaults).
  if (PAINT_MODE !== 'highlights') {
    const options = await openInTab('options.html');
    await options.waitForFunction(() => typeof (window as ExtensionWindow).browser?.storage?.local?.set === 'function', { timeout: 10_000 });
    await options.evaluate((settings) => (window as ExtensionWindow).browser!.storage.local.set({ settings }), START_SETTINGS);
    const stored = await options.evaluate(async () => (await (window as ExtensionWindow).browser!.storage.local.get('settings')).settings);
    if ((stored as { paintMode?: string } | undefined)?.paintMode !== PAINT_MODE)
      throw new Error(`could not store paintMode ${PAINT_MODE}: ${JSON.stringify(stored)}`);
    await options.close();
  }

  return {
    browser,
    baseUrl: server.url,
    proxy,
    async open(path) {
      const page = await browser.newPage();
      await page.goto(`${server.url}/${path}`);
      return page;
    },
    async openPopup(page) {
      await page.bringToFront();
      // The extension's id for the selected tab, then the popup in a new tab pointed at it.
      const popup = await openInTab(
        'popup.html?tab=',
        `(() => {
          const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
          return ExtensionParent.apiManager.global.tabTracker.getId(gBrowser.selectedTab);
        })()`,
      );
      await popup.waitForFunction(() => document.querySelector('input[data-category]') !== null, { timeout: 10_000 });
      return popup;
    },
    openExtensionPage: (path) => openInTab(path),
    async close() {
      await browser.close();
      await proxy?.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The page's mentions inside `scope`, in reading order, read through this run's page contract. */
export const mentions = (page: Page, scope = 'body'): Promise<ShownMention[]> => page.evaluate(readMentions, [scope, PAINT_MODE] as const);

/** Checked statements inside `scope` as [text, verdict], in reading order. */
export const checks = (page: Page, scope = 'body'): Promise<Array<[string, string]>> => page.evaluate(readChecks, [scope, PAINT_MODE] as const);

/** The names of the backstory-* highlights holding any range (in either mode: none in mark mode). */
export const painted = (page: Page): Promise<string[]> => page.evaluate(paintedHighlights);

/** Waits until the content script shows at least `min` mentions. */
export async function waitForMentions(page: Page, min = 1, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    const shown = (await mentions(page)).length;
    if (shown >= min) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${min} mentions (${PAINT_MODE}): ${shown} shown on ${page.url()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Where the `nth` mention (or checked statement) reading `text` inside `scope` is on screen, once
 * scrolled into view: its first mark, or its range's first line box.
 */
export const mentionBox = (page: Page, text: string, scope = 'body', nth = 0): Promise<Box> =>
  page.evaluate(locateMention, [text, scope, nth, PAINT_MODE] as const);

/** Moves the real pointer onto a mention (from just left of it, as a reader's pointer arrives). */
export async function hoverMention(page: Page, text: string, scope = 'body', nth = 0): Promise<Box> {
  const box = await mentionBox(page, text, scope, nth);
  const y = box.y + box.height / 2;
  await page.mouse.move(Math.max(1, box.x - 15), y);
  await page.mouse.move(box.x + Math.min(box.width / 2, 20), y, { steps: 3 });
  return box;
}

/** The tooltip's open panel (inside the tooltip host's shadow root), or null when none is open. */
export async function tooltipPanel(page: Page): Promise<ElementHandle<Element> | null> {
  const handle = await page.evaluateHandle(
    () => document.querySelector('[data-annotation-tooltip]')?.shadowRoot?.querySelector('.panel.open') ?? null,
  );
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) await handle.dispose();
  return element;
}

/** What the open tooltip shows, read from its shadow root; null when none is open. */
export const openTooltip = (page: Page) =>
  page.evaluate(() => {
    const panel = document.querySelector('[data-annotation-tooltip]')?.shadowRoot?.querySelector('.panel.open');
    if (!panel) return null;
    const card = panel.querySelector('.card');
    return {
      heading: panel.querySelector('h2')?.textContent ?? '',
      sources: panel.querySelectorAll('[data-part="source"]').length,
      viewpoints: panel.querySelectorAll('[data-part="viewpoint"]').length,
      loading: panel.querySelector('.status') !== null,
      position: getComputedStyle(panel).position,
      background: card ? getComputedStyle(card).backgroundColor : '',
    };
  });
