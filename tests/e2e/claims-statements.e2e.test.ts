// The labelled statements (tests/fixtures/claims/statements.ts) on a real page in Chromium, each in
// its own paragraph of a page about Japan and Russia, read back through the page contract: the
// same verdicts as in happy-dom, no right statement called wrong, no distractor judged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectedChecks, STATEMENTS } from '../fixtures/claims/statements';
import { checks, launch, readThrough, waitForMentions, type Harness } from './harness';

let h: Harness;
let page: Page;
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

beforeAll(async () => {
  h = await launch();
  const body = STATEMENTS.map((st, i) => `<p id="s${i}" lang="${st.lang}">${escapeHtml(st.text)}</p>`).join('\n');
  await h.context.route(`${h.baseUrl}/statements.html`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Japan and Russia: the statements</title></head><body>${body}</body></html>`,
    }),
  );
  page = await h.open('statements.html');
  await waitForMentions(page, STATEMENTS.length);
});
afterAll(async () => h?.close());

describe('the labelled statements in Chromium', () => {
  it('get the verdicts they are labelled with; no right statement is called wrong and no distractor is judged', async () => {
    const expected = STATEMENTS.map((st) => expectedChecks(st).map((c) => [c.stated, c.verdict]));
    // Claim checks land after the mentions, and in highlight mode as the reader comes near them:
    // read the page through, then wait until every expected one is shown.
    await readThrough(page);
    const shown = async () => Promise.all(STATEMENTS.map((_, i) => checks(page, `#s${i}`)));
    await expect.poll(shown, { timeout: 15_000 }).toEqual(expected);
    const got = await shown();
    const wrong = STATEMENTS.flatMap((st, i) => (st.kind === 'wrong' ? [got[i]!] : []));
    console.log(
      `claim checks in Chromium: ${wrong.filter((c) => c.some(([, v]) => v === 'conflict')).length} of ${wrong.length} wrong statements flagged`,
    );
    STATEMENTS.forEach((st, i) => {
      if (st.kind !== 'wrong')
        expect(
          got[i]!.filter(([, v]) => v === 'conflict'),
          st.text,
        ).toEqual([]);
      if (st.kind === 'distractor') expect(got[i], st.text).toEqual([]);
    });
  });
});
