// Before the real-browser tests: say plainly which browser is missing and how to get it,
// instead of failing deep inside Playwright or Puppeteer.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`\n✖ The real-browser tests need Chromium at ${chromium}.
  Debian/Ubuntu: sudo apt-get install -y chromium   (or set CHROME_PATH to a Chromium binary)
  Playwright's own browser download is not used.\n`);
  process.exit(1);
}

const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
if (!existsSync(firefox)) {
  console.error(`\n✖ The Firefox tests need Firefox ESR at ${firefox}.
  Debian/Ubuntu: sudo apt-get install -y firefox-esr   (or set FIREFOX_PATH to a Firefox 142+ binary)
  Puppeteer's own browser download is not used.\n`);
  process.exit(1);
}
// dist/firefox asks for Firefox 142+ (strict_min_version); an older one refuses to install it.
const version = spawnSync(firefox, ['--version'], { encoding: 'utf8' }).stdout ?? '';
const major = Number(/(\d+)\.\d+/.exec(version)?.[1] ?? 0);
if (major < 142) {
  console.error(`\n✖ The Firefox tests need Firefox 142 or later; ${firefox} is "${version.trim() || 'unknown'}".
  Debian 12 ships firefox-esr 153 through its security updates (bookworm-security).\n`);
  process.exit(1);
}
