#!/usr/bin/env node
// `npm start`: build, serve the demo articles on 127.0.0.1, and open Chromium with the extension
// loaded. CHROME_PATH picks another Chromium-based browser.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../build.mjs';
import { serveStatic } from './static-server.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter(Boolean);

await build();
const extension = join(ROOT, 'dist', 'chrome');
const { url } = await serveStatic(join(ROOT, 'build', 'demo'));
const article = `${url}/rusi-brown-2022.html`;
const browser = CANDIDATES.find((p) => existsSync(p));

const byHand = `
To load Backstory by hand: open chrome://extensions, switch on Developer mode, choose
"Load unpacked" and select ${extension}
In Firefox: about:debugging → This Firefox → Load Temporary Add-on → ${join(ROOT, 'dist', 'firefox', 'manifest.json')}

The demo article is being served at ${article} (Ctrl+C to stop).`;

if (!browser) {
  console.log(`
No Chromium found. Install one (Debian/Ubuntu: sudo apt-get install chromium), or set CHROME_PATH.
(Google Chrome 137 and later ignore --load-extension; use Chromium, or load it by hand.)
${byHand}`);
} else {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  console.log(`Opening ${article}\nin ${browser} with ${extension} loaded (profile ${profile}). Ctrl+C to stop.`);
  const child = spawn(
    browser,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-first-run',
      '--no-default-browser-check',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      article,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const started = Date.now();
  let errors = '';
  child.stderr.on('data', (d) => (errors += d));
  child.on('exit', (code) => {
    // Closing the window ends `npm start`; a browser that couldn't start at all leaves the demo served.
    if (code === 0 || Date.now() - started > 10_000) process.exit(0);
    const reason = /Missing X server|DISPLAY/.test(errors) ? 'there is no display to open a window on' : `it exited with code ${code}`;
    console.log(`\n${browser} could not open a window (${reason}).${byHand}`);
  });
}
