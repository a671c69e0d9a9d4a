// What a journalist does: sees a statement the sources contradict, copies a citation, surveys
// the page from the popup, and moves through mentions with the keyboard; in this run's paint mode
// (harness.ts PAINT_MODE).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checks, hoverMention, launch, mentions, PAINT_MODE, tooltipPanel, waitForMentions, type Harness } from './harness';

declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: object, o: object): Promise<unknown> };
};

let h: Harness;
let page: Page;
beforeAll(async () => {
  h = await launch();
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  page = await h.open('claims.html');
  await waitForMentions(page, 5);
});
afterAll(async () => h?.close());

const tooltip = () => tooltipPanel(page);

async function command(name: string): Promise<void> {
  await page.bringToFront();
  const worker = await h.worker();
  await worker.evaluate(async (command) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await chrome.tabs.sendMessage(tab!.id!, { type: 'page:command', payload: { command } }, { frameId: 0 });
  }, name);
}

describe('claim checks', () => {
  it('shows a conflicting statement beside the sourced fact and its quote', async () => {
    await expect.poll(() => checks(page)).toContainEqual(['143', 'conflict']);
    if (PAINT_MODE === 'marks') {
      const conflict = page.locator('mark[data-annotation-check="conflict"]');
      expect(await conflict.getAttribute('data-annotation-id')).toBe('un-general-assembly-resolution-2022');
      expect(await conflict.getAttribute('data-annotation-category')).toBe('events');
    }
    await hoverMention(page, '143');
    const check = tooltip().locator('[data-part="check"]');
    await check.waitFor();
    expect(await check.getAttribute('data-verdict')).toBe('conflict');
    expect(await check.textContent()).toContain('This page says “143”');
    expect(await check.textContent()).toContain('141');
    expect(await check.locator('blockquote').first().textContent()).toBe('Supported by 141 of the 193 UN member states');
    expect(await check.locator('[data-part="source"]').count()).toBeGreaterThan(0);
  });

  it('copies a ready citation of the quote', async () => {
    await tooltip().locator('[data-part="check"] button[data-copy="text"]').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(
      /^How many UN member states supported it: “Supported by 141 of the 193 UN member states” — A former Japanese ambassador to Moscow \(not named\), “Where is Japan’s Russian policy headed\? The lessons of the invasion of Ukraine”, 2022\. \(Quoted via Backstory, corpus \w+\.\)$/,
    );
    await page.keyboard.press('Escape');
  });
});

describe('quote in context', () => {
  it('opens a tooltip quote from the keyboard in its whole source, highlighted, focused and in view', async () => {
    await hoverMention(page, '143');
    const button = tooltip().locator('[data-part="check"] [data-part="open-source"]').first();
    await button.waitFor();
    const opening = h.context.waitForEvent('page');
    await button.focus();
    await page.keyboard.press('Enter');
    const reader = await opening;
    await reader.waitForLoadState();
    expect(reader.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/reader\.html\?/);
    const mark = reader.locator('mark[data-part="quote"]');
    await mark.waitFor();
    expect((await mark.textContent())!.replace(/\s+/g, ' ')).toBe('Supported by 141 of the 193 UN member states');
    await expect
      .poll(() =>
        reader.evaluate(() => {
          const m = document.querySelector('mark[data-part="quote"]')!;
          const r = m.getBoundingClientRect();
          return { focused: document.activeElement === m, inView: r.top >= 0 && r.bottom <= innerHeight, scrolled: scrollY > 0 };
        }),
      )
      .toEqual({ focused: true, inView: true, scrolled: true });
    expect(await reader.locator('h1').textContent()).toBe('Where is Japan’s Russian policy headed? The lessons of the invasion of Ukraine');
    expect(await reader.title()).toBe('Where is Japan’s Russian policy headed? The lessons of the invasion of Ukraine — Backstory reader');
    expect(await reader.locator('.meta').textContent()).toContain('A former Japanese ambassador to Moscow (not named)');
    await reader.close();
    await page.bringToFront();
    await page.keyboard.press('Escape');
  });
});

describe('page report', () => {
  it('copies every statement checked and every topic found, with the sources’ quotes and citations', async () => {
    const popup = await h.openPopup(page);
    const button = popup.locator('button[data-export]');
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Copied');
    const md = await popup.evaluate(() => navigator.clipboard.readText());
    await popup.close();
    expect(md).toMatch(/^# Backstory report: Fact check: Japan and Russia\n\nhttp:\/\/127\.0\.0\.1:\d+\/claims\.html\n/);
    // As many as the fixture page expects to be checked (its own list of expected verdicts).
    const fixture = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'matching', 'claims.html'), 'utf8');
    const expectedChecks = JSON.parse(/id="expected-checks">([\s\S]*?)<\/script>/.exec(fixture)![1]!) as unknown[];
    expect(md).toContain(`## Statements checked (${expectedChecks.length})`);
    expect(md).toContain('The sources say otherwise — the page says “143”');
    expect(md).toContain('In the sentence: “At the UN, ES-11/1 was supported by 143 member states.”');
    expect(md).toContain('> **How many UN member states supported it: 141');
    expect(md).toContain(
      'Supported by 141 of the 193 UN member states\n>\n> — A former Japanese ambassador to Moscow (not named), *Where is Japan’s Russian policy headed? The lessons of the invasion of Ukraine*, 2022.',
    );
    expect(md).toContain('As the sources say — the page says “Aug. 9, 1945”');
    expect(md).toContain('## Topics found');
    expect(md).toMatch(/#### Boris Yeltsin \(1 on the page\)\n\n\S/);
  });
});

describe('page overview', () => {
  it('lists the topics of the page and takes the reader to one', async () => {
    const popup = await h.openPopup(page);
    const item = popup.locator('.overview button[data-topic="boris-yeltsin"]');
    await item.waitFor();
    expect(await popup.locator('.conflicts').textContent()).toBe('1 statement here conflicts with the sources');
    await item.click();
    await page.bringToFront();
    await expect.poll(async () => tooltip().locator('h2').textContent()).toBe('Boris Yeltsin');
    await page.keyboard.press('Escape');
    await popup.close();
  });
});

describe('keyboard', () => {
  it('moves to the next mention and opens it; Escape returns focus to where it was', async () => {
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'start';
      b.textContent = 'start';
      document.body.prepend(b);
      b.focus();
    });
    // Where focus lands (mark mode focuses the mention's mark first), and what the focus highlight holds.
    await page.evaluate(() => {
      const w = window as unknown as { __focused: string[] };
      w.__focused = [];
      document.addEventListener(
        'focusin',
        (e) => {
          const el = e.target as Element;
          w.__focused.push(el.getAttribute('data-annotation-id') ?? (el.hasAttribute('data-annotation-tooltip') ? 'tooltip' : el.id || el.tagName));
        },
        true,
      );
    });
    const focusedSoFar = () => page.evaluate(() => (window as unknown as { __focused: string[] }).__focused.splice(0));
    const shownAt = () =>
      page.evaluate(() =>
        [...(CSS.highlights.get('backstory-focus') ?? [])].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        }),
      );
    const inTooltip = () => page.evaluate(() => document.activeElement?.hasAttribute('data-annotation-tooltip') ?? false);

    await command('next-mention');
    await expect.poll(async () => tooltip().locator('h2').textContent()).toBe('Shinzo Abe');
    await expect.poll(inTooltip).toBe(true);
    if (PAINT_MODE === 'marks') expect(await focusedSoFar()).toEqual(['shinzo-abe', 'tooltip']);
    else expect(await shownAt()).toEqual(['Abe']);

    await command('next-mention');
    await expect.poll(async () => tooltip().locator('h2').textContent()).toBe('Vladimir Putin');
    await expect.poll(inTooltip).toBe(true);
    if (PAINT_MODE === 'marks') expect((await focusedSoFar())[0]).toBe('vladimir-putin');
    else expect(await shownAt()).toEqual(['Putin']);

    await page.keyboard.press('Escape');
    await expect.poll(async () => tooltip().count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start');
  });

  it('turns annotations off and on for this page only', async () => {
    await command('toggle-annotations');
    await expect.poll(async () => (await mentions(page)).length).toBe(0);
    expect(await checks(page)).toEqual([]);
    if (PAINT_MODE === 'highlights') {
      expect(
        await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('backstory-') && (CSS.highlights.get(k)?.size ?? 0) > 0)),
      ).toEqual([]);
    }
    await command('toggle-annotations');
    await expect.poll(async () => (await mentions(page)).length).toBeGreaterThan(5);
  });

  it('gives screen readers one polite summary through ariaNotify, adding nothing to the page', async () => {
    // The announcement itself goes to the accessibility API, out of a test's reach (the unit tests
    // check what is said, and the live region older browsers get instead); here: Chromium has the
    // API, so nothing is added to the page.
    expect(await page.evaluate(() => typeof (document as Document & { ariaNotify?: unknown }).ariaNotify)).toBe('function');
    expect(await page.evaluate(() => document.querySelectorAll('backstory-status').length)).toBe(0);
  });
});
