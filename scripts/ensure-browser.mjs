// Before the real-browser tests: say plainly which browser is missing and how to get it,
// instead of failing deep inside Playwright.
import { existsSync } from 'node:fs';

const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`\n✖ The real-browser tests need Chromium at ${chromium}.
  Debian/Ubuntu: sudo apt-get install -y chromium   (or set CHROME_PATH to a Chromium binary)
  Playwright's own browser download is not used.\n`);
  process.exit(1);
}
