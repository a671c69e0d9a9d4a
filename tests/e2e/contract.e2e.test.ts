// The page contract, in real Chromium with the built extension, in this run's paint mode
// (harness.ts PAINT_MODE): mentions shown, text and zones untouched, the tooltip, and the popup's
// live category switches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hoverMention, launch, mentionBox, mentions, PAINT_MODE, tooltipPanel, waitForMentions, type Harness } from './harness';

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await launch();
  page = await h.open('contract.html');
  await waitForMentions(page, 5);
});
afterAll(async () => h?.close());

const tooltip = () => tooltipPanel(page);
const count = async (category: string) => (await mentions(page)).filter((m) => m.category === category).length;

describe('mentions', () => {
  it('shows each mention with its category (and, as marks, its topic)', async () => {
    const found = await mentions(page);
    const byText = Object.fromEntries(found.map((m) => [m.text, m]));
    for (const [text, id, category] of [
      ['Singapore agreement', 'singapore-agreement-2018', 'agreements'],
      ['Tokyo Declaration', 'tokyo-declaration-1993', 'agreements'],
      ['1956 Soviet–Japanese Joint Declaration', 'joint-declaration-1956', 'agreements'],
      ['1956 Declaration', 'joint-declaration-1956', 'agreements'],
      ['Soviet-Japanese Joint Declaration', 'joint-declaration-1956', 'agreements'],
      ['Shikotan', 'shikotan', 'places'],
    ]) {
      expect(byText[text!], text).toMatchObject({ category, id: PAINT_MODE === 'marks' ? id : null });
    }
  });

  it('shows a mention that spans an inline element as one mention', async () => {
    expect(await mentions(page, '#split')).toEqual([
      { text: 'Northern Territories', category: 'places', id: PAINT_MODE === 'marks' ? 'northern-territories' : null },
    ]);
    if (PAINT_MODE === 'marks') {
      const split = await page.evaluate(() =>
        [...document.querySelectorAll('#split mark[data-annotation-id]')].map((m) => [
          m.textContent,
          m.getAttribute('data-annotation-id'),
          m.getAttribute('tabindex'),
        ]),
      );
      // Its first mark is focusable (a Tab stop only for the topic's first mention, in the heading).
      expect(split).toEqual([
        ['Northern ', 'northern-territories', '-1'],
        ['Territories', 'northern-territories', null],
      ]);
    }
  });

  it('leaves the page text exactly as it was (and, painting highlights, the whole body)', async () => {
    const { before, after } = await page.evaluate(() => ({
      before: (window as unknown as { __before: { text: string; html: string } }).__before,
      after: { text: document.body.textContent, html: document.body.innerHTML },
    }));
    expect(after.text).toBe(before.text);
    if (PAINT_MODE === 'highlights') expect(after.html).toBe(before.html);
  });

  it('adds no tab stop per mention: none with highlights, one per topic with marks', async () => {
    const stops = await page.evaluate(() =>
      [...document.querySelectorAll('mark[data-annotation-id][tabindex="0"]')].map((m) => m.getAttribute('data-annotation-id')),
    );
    if (PAINT_MODE === 'highlights') expect(stops).toEqual([]);
    else expect(new Set(stops).size).toBe(stops.length);
  });

  it('never touches inputs, editors, code, scripts, vector graphics or the page’s own marks', async () => {
    const zones = await page.evaluate(() => {
      const before = (window as unknown as { __before: { zones: string[] } }).__before.zones;
      const now = ['input', 'textarea', 'editable', 'pre', 'code', 'svg', 'script', 'own-mark'].map((id) => document.getElementById(id)!.outerHTML);
      return { before, now };
    });
    expect(zones.now).toEqual(zones.before);
    for (const id of ['input', 'textarea', 'editable', 'pre', 'code', 'svg', 'own-mark']) expect(await mentions(page, `#${id}`), id).toEqual([]);
  });

  it('records the cost of each scan as a performance measure the page can read', async () => {
    const measures = await page.evaluate(() => performance.getEntriesByName('backstory:scan').map((e) => e.duration));
    expect(measures.length).toBeGreaterThan(0);
    expect(measures[0]).toBeGreaterThanOrEqual(0);
  });
});

describe('tooltip', () => {
  it('opens on hover with sources and opposing viewpoints, and closes on Escape', async () => {
    await hoverMention(page, 'Singapore agreement', '#plain');
    await expect.poll(async () => tooltip().count()).toBe(1);
    await tooltip().locator('[data-part="source"]').first().waitFor();
    expect(await tooltip().locator('h2').textContent()).toContain('Singapore');
    expect(await tooltip().locator('[data-part="source"]').count()).toBeGreaterThanOrEqual(1);
    expect(await tooltip().locator('[data-part="viewpoint"]').count()).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Escape');
    await expect.poll(async () => tooltip().count()).toBe(0);
  });

  it('opens on the part of a mention inside an inline element too', async () => {
    await page.mouse.move(1150, 880);
    const box = await mentionBox(page, 'Northern Territories', '#split');
    const em = await page.locator('#split em').boundingBox();
    await page.mouse.move(em!.x + em!.width / 2, em!.y + em!.height / 2, { steps: 3 });
    await tooltip().locator('[data-part="source"]').first().waitFor();
    expect(await tooltip().locator('h2').textContent()).toContain('Northern Territories');
    expect(box.width).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
  });

  it('stays open while the pointer moves from the mention into it', async () => {
    await page.mouse.move(1150, 880);
    await hoverMention(page, 'Singapore agreement', '#plain');
    await tooltip().locator('[data-part="source"]').first().waitFor();
    const box = (await tooltip().locator('.card').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 8 });
    await page.waitForTimeout(800);
    expect(await tooltip().count()).toBe(1);
    await page.mouse.move(1150, 880);
    await expect.poll(async () => tooltip().count(), { timeout: 3000 }).toBe(0);
  });

  it('does not open when the pointer only passes over a mention', async () => {
    const box = await mentionBox(page, 'Singapore agreement', '#plain');
    await page.mouse.move(box.x - 40, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width + 40, box.y + box.height / 2, { steps: 3 });
    await page.waitForTimeout(600);
    expect(await tooltip().count()).toBe(0);
  });

  it('does not open over plain text beside a mention', async () => {
    const plain = await page.locator('#plain').boundingBox();
    // "In 2018 the" at the start of the paragraph is not a mention.
    await page.mouse.move(plain!.x + 5, plain!.y + 10, { steps: 2 });
    await page.waitForTimeout(600);
    expect(await tooltip().count()).toBe(0);
  });

  it('stays within the viewport beside the mention', async () => {
    const mention = await hoverMention(page, 'Tokyo Declaration', '#plain');
    await tooltip().locator('[data-part="source"]').first().waitFor();
    const geometry = await page.evaluate(() => {
      const host = document.querySelector('[data-annotation-tooltip]')!;
      const panel = host.shadowRoot!.querySelector('.panel')!.getBoundingClientRect();
      return { panel: panel.toJSON(), vw: innerWidth, vh: innerHeight };
    });
    expect(geometry.panel.left).toBeGreaterThanOrEqual(0);
    expect(geometry.panel.right).toBeLessThanOrEqual(geometry.vw);
    expect(geometry.panel.top).toBeGreaterThanOrEqual(0);
    expect(geometry.panel.bottom).toBeLessThanOrEqual(geometry.vh);
    expect(geometry.panel.top).toBeGreaterThanOrEqual(mention.y + mention.height - 1);
    await page.mouse.move(1150, 880);
    await expect.poll(async () => tooltip().count(), { timeout: 3000 }).toBe(0);
  });

  it.runIf(PAINT_MODE === 'marks')('opens on keyboard focus, lets Enter move into it, and Escape returns focus to the mention', async () => {
    await page.locator('#after-heading mark[data-annotation-id]').first().focus();
    await tooltip().locator('[data-part="source"]').first().waitFor();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-annotation-tooltip'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(async () => tooltip().count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.closest('#after-heading') !== null)).toBe(true);
  });
});

describe('popup', () => {
  it('switches a category off on an open page without reload, and back on', async () => {
    const popup = await h.openPopup(page);
    const before = await count('agreements');
    expect(before).toBeGreaterThan(0);
    const switchFor = popup.locator('input[data-category="agreements"]');
    expect(await switchFor.isChecked()).toBe(true);
    await switchFor.click({ force: true });
    await expect.poll(async () => count('agreements')).toBe(0);
    expect(await count('places')).toBeGreaterThan(0);
    if (PAINT_MODE === 'highlights') expect(await page.evaluate(() => CSS.highlights.get('backstory-agreements')?.size ?? 0)).toBe(0);
    await switchFor.click({ force: true });
    await expect.poll(async () => count('agreements')).toBe(before);
    await popup.close();
  });

  it('shows how many mentions of each category the page has', async () => {
    const popup = await h.openPopup(page);
    const shown = await count('agreements');
    expect(shown).toBeGreaterThan(1);
    const row = popup.locator('label', { has: popup.locator('input[data-category="agreements"]') });
    await expect.poll(async () => row.locator('.count').textContent()).toBe(String(shown));
    await popup.close();
  });

  it('follows the page live as it adds and removes mentions, with no reload', async () => {
    const own = await h.open('contract.html');
    await waitForMentions(own, 5);
    const places = async () => (await mentions(own)).filter((m) => m.category === 'places').length;
    const popup = await h.openPopup(own);
    const shown = () =>
      popup
        .locator('label', { has: popup.locator('input[data-category="places"]') })
        .locator('.count')
        .textContent();
    // A page reports its counts at most every 500 ms, and they go round through the background:
    // more than poll's default second on a busy machine.
    const live = { timeout: 10_000 };
    const before = await places();
    await expect.poll(shown, live).toBe(String(before));
    await own.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'added';
      p.textContent = 'Later: Etorofu, Kunashiri and Habomai.';
      document.body.append(p);
    });
    await expect.poll(places, live).toBe(before + 3);
    await expect.poll(shown, live).toBe(String(before + 3));
    await own.evaluate(() => document.getElementById('added')?.remove());
    await expect.poll(shown, live).toBe(String(before));
    await popup.close();
    await own.close();
  });

  it('turns annotations off on this site, leaving the original DOM and no highlight', async () => {
    const popup = await h.openPopup(page);
    await popup.locator('input[data-site]').click({ force: true });
    await expect.poll(async () => (await mentions(page)).length).toBe(0);
    const state = await page.evaluate(() => ({
      now: document.body.innerHTML,
      before: (window as unknown as { __before: { html: string } }).__before.html,
      painted: [...CSS.highlights.keys()].filter((k) => k.startsWith('backstory-') && (CSS.highlights.get(k)?.size ?? 0) > 0),
    }));
    expect(state.now).toBe(state.before);
    expect(state.painted).toEqual([]);
    await popup.locator('input[data-site]').click({ force: true });
    await waitForMentions(page, 5);
    await popup.close();
  });
});

describe('background', () => {
  it('serves tooltip details after the browser stopped its service worker', async () => {
    const cdp = await h.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await page.mouse.move(1150, 880);
    await hoverMention(page, '1956 Declaration', '#after-heading');
    await tooltip().locator('[data-part="source"]').first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
  });
});
