// A page the reader leaves and comes back to through the back/forward cache, as real Chromium
// keeps it: its port to the background was dropped while it was cached, without a word to the
// page. Statements the page adds once restored are still checked, at once (not after a request
// to the dead port timed out, which would leave them unjudged), however long it was cached.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ANSWER_TIMEOUT_MS } from '../../src/core/answer-time';
import { checks, launch, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch({ backForwardCache: true });
});
afterAll(async () => h?.close());

it('checks statements on a page restored from the back/forward cache, with a request in flight when it was left', async () => {
  const page = await h.open('long-claims.html');
  await expect.poll(() => checks(page, '#top'), { timeout: 15_000 }).toEqual([['143', 'conflict']]);
  const state = (id: string) =>
    page.evaluate((id) => {
      const p = document.createElement('p');
      p.id = id;
      p.textContent = 'At the UN, ES-11/1 was supported by 143 member states.';
      document.body.prepend(p);
    }, id);
  await page.evaluate(() => addEventListener('pageshow', (e) => document.documentElement.setAttribute('data-restored', String(e.persisted))));
  // A statement goes to the background as the reader follows a link.
  await state('before');
  await page.goto(`${h.baseUrl}/no-mentions.html`);
  // Longer than any deadline set before the page was cached: timers run out while it is frozen.
  await page.waitForTimeout(ANSWER_TIMEOUT_MS + 500);
  await page.goBack({ waitUntil: 'commit' });
  await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-restored'))).toBe('true');
  await state('after');
  await expect.poll(() => checks(page, '#after'), { timeout: ANSWER_TIMEOUT_MS - 500, interval: 100 }).toEqual([['143', 'conflict']]);
  // What was asked as the page was left is answered too, not given up.
  expect(await checks(page, '#before')).toEqual([['143', 'conflict']]);
});
