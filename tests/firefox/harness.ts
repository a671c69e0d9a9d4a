// Real Firefox ESR with dist/firefox installed, driven by puppeteer-core over WebDriver BiDi, and a
// static server on 127.0.0.1 for test pages (the same pages as the Chromium tests).
//
// Opening the popup: WebDriver BiDi refuses to navigate a tab to a moz-extension:// address, so
// the harness asks Firefox's own window (privileged, allowed by --remote-allow-system-access) to
// open the real popup.html in a tab, as `popup.html?tab=ID` pointed at the page under test: the
// same popup page the toolbar button shows, opened the way the Chromium harness opens it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
// @ts-expect-error: plain ESM helper shared with scripts/start.mjs
import { serveStatic } from '../../scripts/static-server.mjs';
import { STRICT_CSP } from '../e2e/harness';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy';

const ROOT = join(import.meta.dirname, '..', '..');
export const EXTENSION_DIR = join(ROOT, 'dist', 'firefox');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** build.mjs GECKO_ID: the add-on id in dist/firefox/manifest.json. */
export const ADDON_ID = 'backstory@backstory-extension.org';
/** Firefox gives each install a random moz-extension:// host; the test profile pins it. */
export const EXTENSION_UUID = '6b2c6d1e-5c1a-4f7e-9d3b-b4c45e0f7a11';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxHarness {
  browser: Browser;
  baseUrl: string;
  /** Set when launched with `recordNetwork`: every HTTP(S) request Firefox sent. */
  proxy: RecordingProxy | null;
  open(path: string): Promise<Page>;
  /** The real popup.html in a tab, pointed at the tab showing `page`. */
  openPopup(page: Page): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * Route all of Firefox's HTTP(S) traffic, 127.0.0.1 included, through a recording proxy that
   * passes on only requests to the test server.
   */
  recordNetwork?: boolean;
}

/** The subset of puppeteer's (untyped) BiDi connection the harness uses. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: { contexts?: Array<{ context: string }>; result?: { value?: unknown }; type?: string; exceptionDetails?: { text: string } } }>;
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
  const server: { url: string; close(): Promise<void> } = await serveStatic(
    [join(ROOT, 'tests', 'e2e', 'fixtures'), join(ROOT, 'build', 'demo')],
    { headers: (file: string) => (file.endsWith('csp.html') ? { 'content-security-policy': STRICT_CSP } : {}) },
  );
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
  const id = await browser.installExtension(EXTENSION_DIR);
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
      const before = new Set(await browser.pages());
      // The extension's id for the selected tab, then the popup in a new tab pointed at it.
      await inBrowserWindow(`(() => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const tabId = ExtensionParent.apiManager.global.tabTracker.getId(gBrowser.selectedTab);
        const url = ${JSON.stringify(`${EXTENSION_ORIGIN}/popup.html?tab=`)} + tabId;
        gBrowser.selectedTab = gBrowser.addTab(url, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
      })()`);
      let popup: Page | undefined;
      for (let tries = 0; !popup && tries < 100; tries++) {
        popup = (await browser.pages()).find((p) => !before.has(p));
        if (!popup) await new Promise((r) => setTimeout(r, 50));
      }
      if (!popup) throw new Error('the popup tab did not open');
      await popup.waitForFunction(
        (origin) => location.origin === origin && document.querySelector('input[data-category]') !== null,
        { timeout: 10_000 },
        EXTENSION_ORIGIN,
      );
      return popup;
    },
    async close() {
      await browser.close();
      await proxy?.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the content script has annotated the page (at least `min` marks). */
export async function waitForMarks(page: Page, min = 1): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('mark[data-annotation-id]').length >= n, { timeout: 15_000 }, min);
}

export const marks = (page: Page, selector = '') =>
  page.evaluate(
    (sel) =>
      [...document.querySelectorAll(`mark[data-annotation-id]${sel}`)].map((m) => ({
        id: m.getAttribute('data-annotation-id'),
        category: m.getAttribute('data-annotation-category'),
        text: m.textContent,
      })),
    selector,
  );

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
