// The store zips (`npm run package`) hold exactly the built extension, with the version from
// package.json, and each loads in its browser and annotates a page in this run's paint mode
// (PAINT_MODE): the Firefox zip installed as is, the Chromium zip unpacked the way a user's
// "Load unpacked" sees it. (Both browsers' packaging is checked here, with the other publishing checks.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM helper shared with scripts/start.mjs
import { serveStatic } from '../../scripts/static-server.mjs';
import { START_SETTINGS } from '../e2e/harness';
import { readMentions, type ShownMention } from '../e2e/in-page';
import { launch, mentions, PAINT_MODE } from './harness';

const ROOT = join(import.meta.dirname, '..', '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const zipOf = (browser: string) => join(ROOT, 'artifacts', `backstory-${version}-${browser}.zip`);
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

let server: { url: string; close(): Promise<void> };
/** The extension's storage, as its service worker sees it. */
declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

/** Waits until the page shows the contract page's Singapore agreement as a mention. */
async function annotated(read: () => Promise<ShownMention[]>): Promise<void> {
  const until = Date.now() + 15_000;
  while (!(await read()).some((m) => m.text === 'Singapore agreement' && m.category === 'agreements')) {
    if (Date.now() > until) throw new Error(`the page was not annotated (${PAINT_MODE})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run package failed:\n${run.stdout}${run.stderr}`);
  server = await serveStatic([join(ROOT, 'tests', 'e2e', 'fixtures')]);
});
afterAll(async () => server?.close());

describe('store zips', () => {
  for (const browser of ['chrome', 'firefox']) {
    it(`${browser}: holds exactly dist/${browser}, versioned from package.json, with both locales`, () => {
      const entries = unzipSync(readFileSync(zipOf(browser)));
      const dist = join(ROOT, 'dist', browser);
      expect(Object.keys(entries).sort()).toEqual(
        files(dist)
          .map((f) => relative(dist, f))
          .sort(),
      );
      for (const [name, bytes] of Object.entries(entries)) expect(Buffer.compare(Buffer.from(bytes), readFileSync(join(dist, name))), name).toBe(0);
      const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8')) as { version: string; default_locale: string };
      expect(manifest.version).toBe(version);
      expect(manifest.default_locale).toBe('en');
      expect(entries['_locales/en/messages.json']).toBeTruthy();
      expect(entries['_locales/ja/messages.json']).toBeTruthy();
    });
  }

  it('firefox: the zip installs in Firefox and annotates a page', async () => {
    // launch() installs it (and fails unless it is the add-on id build.mjs gives), and stores
    // this run's paint mode first.
    const h = await launch({ extension: zipOf('firefox') });
    try {
      const page = await h.open('contract.html');
      await annotated(() => mentions(page));
    } finally {
      await h.close();
    }
  });

  it('chrome: the zip, unpacked, loads in Chromium and annotates a page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-zip-'));
    const profile = mkdtempSync(join(tmpdir(), 'backstory-zip-profile-'));
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zipOf('chrome'))))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), bytes);
    }
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      if (PAINT_MODE !== 'highlights') {
        const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
        await worker.evaluate((settings) => chrome.storage.local.set({ settings }), START_SETTINGS);
      }
      const page = await context.newPage();
      await page.goto(`${server.url}/contract.html`);
      await annotated(() => page.evaluate(readMentions, ['body', PAINT_MODE] as const));
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
