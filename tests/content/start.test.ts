// @vitest-environment happy-dom
// The content script as a whole, with a fake extension API: after its first annotation it tells
// screen readers once what it found (through ariaNotify where the browser has it, else a live
// region); when the extension is reloaded under the page while that annotation is still running,
// the old instance stops quietly (no announcement, no error).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LazyModules } from '../../src/content/modules';
import { COUNTS_REPORT_MS, startContentScript, type ContentScript } from '../../src/content/start';
import { createMatcher } from '../../src/core/matcher';
import type { ContentApi } from '../../src/platform/content-api';
import { bundledMessages, type PageMessages } from '../../src/platform/page-messages';
import { pageCatalogues } from '../support/locales';
import { miniIndex } from '../core/mini-corpus';
import { testModules } from '../support/content';
import { fakeExtension } from '../support/extension-api';

const index = miniIndex();
const PAGE = '<p>Japan and Russia still argue over the Northern Territories, Shikotan among them.</p>';

let script: ContentScript | null = null;
afterEach(() => {
  script?.stop();
  script = null;
  for (const el of document.querySelectorAll('backstory-status')) el.remove();
});

const english = bundledMessages(pageCatalogues(), 'en-US', 'en');

function start(api: ContentApi, modules: LazyModules = testModules, messages: PageMessages = english): ContentScript {
  document.body.innerHTML = PAGE;
  script = startContentScript({ api, index, matcher: createMatcher(index), doc: document, modules, messages });
  return script;
}

const status = () => document.querySelector('backstory-status')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? null;

describe('the content script', () => {
  it('tells screen readers once how many topics it annotated', async () => {
    await start(fakeExtension().content).ready;
    expect(status()).toBe('Backstory: 2 topics annotated on this page');
  });

  it('says it in the browser’s language, from the messages bundled with the script', async () => {
    await start(fakeExtension().content, testModules, bundledMessages(pageCatalogues(), 'ja', 'en')).ready;
    expect(status()).toBe('Backstory:このページで 2 件のトピックに注釈を付けました');
  });

  it('announces through ariaNotify where the browser has it, adding nothing to the page', async () => {
    const said: string[] = [];
    Object.defineProperty(document, 'ariaNotify', { value: (message: string) => said.push(message), configurable: true });
    try {
      await start(fakeExtension().content).ready;
    } finally {
      Reflect.deleteProperty(document, 'ariaNotify');
    }
    expect(said).toEqual(['Backstory: 2 topics annotated on this page']);
    expect(document.querySelector('backstory-status')).toBeNull();
  });

  it('tells an open popup straight, and the background for the badge, when its counts change', async () => {
    const fake = fakeExtension();
    const s = start(fake.content);
    await s.ready;
    // Its first counts go out after COUNTS_REPORT_MS; a popup opened after that follows on.
    await new Promise((r) => setTimeout(r, COUNTS_REPORT_MS + 100));
    const reports = () => fake.sent.filter((m) => m.type === 'counts:report').length;
    const before = reports();
    let heard = 0;
    const popup = new AbortController();
    fake.api.followTab(1, () => heard++, { signal: popup.signal });
    expect(fake.following(1)).toBe(1);

    document.body.insertAdjacentHTML('beforeend', '<p>And Kurils too.</p>');
    await vi.waitFor(() => expect(heard).toBe(1), { timeout: 3000 });
    expect(reports()).toBe(before + 1);

    // A page that stops (switched off for good, or the extension reloaded) lets its popups go.
    s.stop();
    expect(fake.following(1)).toBe(0);
  });

  it('stops quietly when the extension is reloaded while the page is being annotated', async () => {
    const fake = fakeExtension();
    // The reload lands while the painter loads; from then on the browser's APIs throw.
    const modules: LazyModules = {
      ...testModules,
      marks: () => {
        fake.invalidate();
        return testModules.marks();
      },
    };
    const s = start(fake.content, modules);
    await expect(s.ready).resolves.toBeUndefined();
    expect(s.alive()).toBe(false);
    expect(status()).toBeNull();
    expect(document.body.innerHTML).toBe(PAGE);
  });
});
