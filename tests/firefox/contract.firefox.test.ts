// What a reader does, in real Firefox ESR with dist/firefox installed, in this run's paint mode
// (PAINT_MODE: CSS highlights by default, <mark> elements with BACKSTORY_PAINT_MODE=marks):
// mentions shown per the page contract with the page text unchanged (and, painting highlights,
// the whole body), hover opens the tooltip with sources and opposing viewpoints, Escape closes it,
// and a category or the whole extension switched off applies live.
//
// Hover is a real pointer moved onto the text: Backstory hit-tests pointer moves against its
// ranges (caretPositionFromPoint), so there is no element to dispatch a mouseover to.
//
// The switches are clicked in the real popup.html, opened in a tab (see harness.ts for how:
// WebDriver BiDi can't navigate to moz-extension://); the toolbar button's panel itself isn't
// driven, in Firefox as in Chromium. The click saves to storage.local, and the open page follows
// through storage.onChanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  EXTENSION_ORIGIN,
  hoverMention,
  launch,
  mentionBox,
  mentions,
  openTooltip,
  PAINT_MODE,
  painted,
  STRICT_CSP,
  waitForMentions,
  type FirefoxHarness,
} from './harness';

let h: FirefoxHarness;
let page: Page;

beforeAll(async () => {
  h = await launch();
  page = await h.open('contract.html');
  await waitForMentions(page, 5);
});
afterAll(async () => h?.close());

const poll = { timeout: 10_000, interval: 100 };
const count = async (category: string) => (await mentions(page)).filter((m) => m.category === category).length;
/** Moves the pointer away from every mention, to the bottom right corner. */
const away = (p: Page) => p.mouse.move(1150, 880);

describe(`mentions in Firefox (${PAINT_MODE})`, () => {
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
    for (const m of found) expect(m.category, m.text).toBeTruthy();
    if (PAINT_MODE === 'marks') for (const m of found) expect(m.id, m.text).toBeTruthy();
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
      // Its first mark starts the mention but is no Tab stop: the topic's first mention (in the heading) is.
      expect(split).toEqual([
        ['Northern ', 'northern-territories', '-1'],
        ['Territories', 'northern-territories', null],
      ]);
    }
  });

  it('leaves the page text exactly as it was (and, painting highlights, the body byte for byte)', async () => {
    const { before, after } = await page.evaluate(() => ({
      before: (window as unknown as { __before: { text: string; html: string } }).__before,
      after: { text: document.body.textContent, html: document.body.innerHTML, attributes: document.body.getAttributeNames() },
    }));
    expect(after.text).toBe(before.text);
    if (PAINT_MODE === 'highlights') {
      expect(after.html).toBe(before.html);
      expect(after.attributes).toEqual([]);
      // …while the highlights are there, in CSS.highlights, one per category shown.
      expect(await painted(page)).toEqual(expect.arrayContaining(['backstory-agreements', 'backstory-places']));
    } else {
      expect(await painted(page)).toEqual([]);
    }
  });

  it('gives screen readers one polite summary through ariaNotify, adding nothing to the page', async () => {
    // What is said is checked by the unit tests (and the live region older browsers get instead).
    expect(await page.evaluate(() => typeof (document as Document & { ariaNotify?: unknown }).ariaNotify)).toBe('function');
    expect(await page.evaluate(() => document.querySelectorAll('backstory-status').length)).toBe(0);
  });

  it('adds no tab stop per mention: none with highlights, one per topic with marks', async () => {
    const stops = await page.evaluate(() =>
      [...document.querySelectorAll('mark[data-annotation-id][tabindex="0"]')].map((m) => m.getAttribute('data-annotation-id')),
    );
    if (PAINT_MODE === 'highlights') expect(stops).toEqual([]);
    else {
      expect(stops.length).toBeGreaterThan(0);
      expect(new Set(stops).size).toBe(stops.length);
    }
  });

  it('never touches inputs, editors, code, scripts, vector graphics or the page’s own marks', async () => {
    const zones = await page.evaluate(() => ({
      before: (window as unknown as { __before: { zones: string[] } }).__before.zones,
      now: ['input', 'textarea', 'editable', 'pre', 'code', 'svg', 'script', 'own-mark'].map((id) => document.getElementById(id)!.outerHTML),
    }));
    expect(zones.now).toEqual(zones.before);
    for (const id of ['input', 'textarea', 'editable', 'pre', 'code', 'svg', 'own-mark']) expect(await mentions(page, `#${id}`), id).toEqual([]);
  });

  it('records the cost of each scan as a performance measure the page can read', async () => {
    const measures = await page.evaluate(() => performance.getEntriesByName('backstory:scan').map((e) => e.duration));
    expect(measures.length).toBeGreaterThan(0);
    expect(measures[0]).toBeGreaterThanOrEqual(0);
  });
});

describe(`tooltip in Firefox (${PAINT_MODE})`, () => {
  it('opens on hover with sources and opposing viewpoints, styled, and closes on Escape', async () => {
    await away(page);
    await hoverMention(page, 'Singapore agreement', '#plain');
    await expect.poll(async () => (await openTooltip(page))?.sources ?? 0, poll).toBeGreaterThanOrEqual(1);
    const shown = (await openTooltip(page))!;
    expect(shown.heading).toContain('Singapore');
    expect(shown.viewpoints).toBeGreaterThanOrEqual(2);
    // The shadow root's own styles apply (constructed sheets from a content script work in Firefox).
    expect(shown.position).toBe('fixed');
    expect(shown.background).not.toBe('rgba(0, 0, 0, 0)');

    await page.keyboard.press('Escape');
    await expect.poll(async () => openTooltip(page), poll).toBeNull();
  });

  it('opens a quote from the keyboard in its whole source, highlighted, focused and in view', async () => {
    await away(page);
    await hoverMention(page, 'Singapore agreement', '#plain');
    await expect.poll(async () => (await openTooltip(page))?.sources ?? 0, poll).toBeGreaterThanOrEqual(1);
    const quote = await page.evaluate(() => {
      const button = document
        .querySelector('[data-annotation-tooltip]')!
        .shadowRoot!.querySelector<HTMLButtonElement>('.panel.open [data-part="open-source"]')!;
      button.focus();
      return button.closest('figure')!.querySelector('blockquote')!.textContent!;
    });
    const before = new Set(await h.browser.pages());
    await page.keyboard.press('Enter');
    let reader: Page | undefined;
    await expect.poll(async () => (reader = (await h.browser.pages()).find((p) => !before.has(p))) !== undefined, poll).toBe(true);
    // Puppeteer's page.url() doesn't follow a tab into moz-extension://: ask the page itself.
    await reader!.waitForFunction(
      (origin) => location.origin === origin && document.querySelector('mark[data-part="quote"]') !== null,
      { timeout: 10_000 },
      EXTENSION_ORIGIN,
    );
    expect(await reader!.evaluate(() => location.pathname)).toBe('/reader.html');
    const shown = () =>
      reader!.evaluate(() => {
        const m = document.querySelector('mark[data-part="quote"]')!;
        const r = m.getBoundingClientRect();
        return { text: m.textContent!.replace(/\s+/g, ' '), focused: document.activeElement === m, inView: r.top >= 0 && r.bottom <= innerHeight };
      });
    const flat = (t: string) => t.replace(/\s+/g, ' ').replace(/[“”]/g, '"').replace(/[‘’]/g, "'").trim();
    await expect
      .poll(async () => ({ ...(await shown()), text: flat((await shown()).text) }), poll)
      .toEqual({ text: flat(quote), focused: true, inView: true });
    await reader!.close();
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await expect.poll(async () => openTooltip(page), poll).toBeNull();
  });

  it('opens on the part of a mention inside an inline element too', async () => {
    await away(page);
    await expect.poll(async () => openTooltip(page), poll).toBeNull();
    const box = await mentionBox(page, 'Northern Territories', '#split');
    expect(box.width).toBeGreaterThan(0);
    // The pointer lands on "Territories", the part inside <em>.
    const em = await page.evaluate(() => {
      const r = document.querySelector('#split em')!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    await page.mouse.move(em.x - 5, em.y + em.height / 2);
    await page.mouse.move(em.x + em.width / 2, em.y + em.height / 2, { steps: 3 });
    await expect.poll(async () => (await openTooltip(page))?.sources ?? 0, poll).toBeGreaterThanOrEqual(1);
    expect((await openTooltip(page))!.heading).toContain('Northern Territories');
    await page.keyboard.press('Escape');
    await expect.poll(async () => openTooltip(page), poll).toBeNull();
  });

  it('does not open when the pointer only passes over a mention', async () => {
    await away(page);
    const box = await mentionBox(page, 'Singapore agreement', '#plain');
    await page.mouse.move(box.x - 40, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width + 40, box.y + box.height / 2, { steps: 3 });
    await new Promise((r) => setTimeout(r, 600));
    expect(await openTooltip(page)).toBeNull();
  });

  it('does not open over plain text beside a mention', async () => {
    await away(page);
    // "In 2018 the" at the start of the paragraph is not a mention.
    const plain = await page.evaluate(() => {
      const p = document.querySelector('#plain')!;
      p.scrollIntoView({ block: 'center' });
      const r = p.getBoundingClientRect();
      return { x: r.x, y: r.y };
    });
    await page.mouse.move(plain.x + 5, plain.y + 10, { steps: 2 });
    await new Promise((r) => setTimeout(r, 600));
    expect(await openTooltip(page)).toBeNull();
  });

  it.runIf(PAINT_MODE === 'marks')('opens on keyboard focus of a mark, and Escape closes it and keeps focus on the mention', async () => {
    await away(page);
    await page.focus('#after-heading mark[data-annotation-id][tabindex]');
    await expect.poll(async () => (await openTooltip(page))?.sources ?? 0, poll).toBeGreaterThanOrEqual(1);
    await page.keyboard.press('Escape');
    await expect.poll(async () => openTooltip(page), poll).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.closest('#after-heading') !== null)).toBe(true);
  });
});

describe(`a page with a strict Content-Security-Policy in Firefox (${PAINT_MODE})`, () => {
  it('is annotated, loads the tooltip module and shows a styled tooltip although the page allows no styles or scripts', async () => {
    const strict = await h.open('csp.html');
    try {
      // The harness serves csp.html with the strict policy.
      const policy = (await fetch(`${h.baseUrl}/csp.html`)).headers.get('content-security-policy');
      expect(policy).toBe(STRICT_CSP);
      await waitForMentions(strict, 1);
      expect((await mentions(strict)).map((m) => m.text)).toContain('Singapore Agreement');
      // The tooltip UI is a lazy module (lazy/ui.js, imported from the extension's files on the
      // first hover): the page's policy must not keep it from loading.
      await hoverMention(strict, 'Singapore Agreement', '#p');
      await expect.poll(async () => (await openTooltip(strict))?.sources ?? 0, poll).toBeGreaterThanOrEqual(1);
      const shown = (await openTooltip(strict))!;
      expect(shown.viewpoints).toBeGreaterThanOrEqual(2);
      expect(shown.position).toBe('fixed');
      expect(shown.background).not.toBe('rgba(0, 0, 0, 0)');
    } finally {
      await strict.close();
    }
  });
});

describe(`popup in Firefox (${PAINT_MODE})`, () => {
  it('switches a category off on an open page without reload, and back on', async () => {
    const before = await count('agreements');
    expect(before).toBeGreaterThan(0);
    await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));

    const popup = await h.openPopup(page);
    const checked = () => popup.$eval('input[data-category="agreements"]', (el) => (el as HTMLInputElement).checked);
    expect(await checked()).toBe(true);
    // The popup counts this page's mentions, so it is looking at the right tab.
    await popup.waitForFunction(() => document.querySelector('.total')?.textContent?.includes('mention'), { timeout: 10_000 });

    await popup.click('input[data-category="agreements"]');
    expect(await checked()).toBe(false);
    await expect.poll(() => count('agreements'), poll).toBe(0);
    expect(await count('places')).toBeGreaterThan(0);
    if (PAINT_MODE === 'highlights') expect(await page.evaluate(() => CSS.highlights.get('backstory-agreements')?.size ?? 0)).toBe(0);

    await popup.click('input[data-category="agreements"]');
    await expect.poll(() => count('agreements'), poll).toBe(before);
    expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
    await popup.close();
  });

  it('switched off, empties every backstory highlight and leaves the body as parsed; switched on, shows them again', async () => {
    const before = (await mentions(page)).length;
    const popup = await h.openPopup(page);
    await popup.click('input[data-master]');
    await expect.poll(async () => (await mentions(page)).length, poll).toBe(0);
    const state = await page.evaluate(() => ({
      now: document.body.innerHTML,
      before: (window as unknown as { __before: { html: string } }).__before.html,
      marks: document.querySelectorAll('mark[data-annotation-id]').length,
    }));
    expect(await painted(page)).toEqual([]);
    expect(state.marks).toBe(0);
    expect(state.now).toBe(state.before);

    await popup.click('input[data-master]');
    await expect.poll(async () => (await mentions(page)).length, poll).toBe(before);
    await popup.close();
  });
});
