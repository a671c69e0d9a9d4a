// What the popup knows of the current tab's page: asked once on open, and again each time the
// background says the page's counts changed (it forwards the page's own reports), so the popup
// follows a feed as it adds mentions without asking on a timer. A page out of reach when the
// popup opens (a tab still loading) is asked again a few times: a page that ends up with no
// mentions never pushes anything.

import { useEffect, useState } from 'preact/hooks';
import { emptyCounts, type PageStatus } from '../core/messages';
import { siteOf } from '../core/settings';
import type { ExtensionApi, MessageSender } from '../platform/extension-api';

export type PageStateApi = Pick<ExtensionApi, 'activeTabId' | 'sendToTab' | 'handlePopup'> &
  Partial<Pick<ExtensionApi, 'tabUrl' | 'hasLiveContentScript' | 'followTab'>>;

export type PageState = { kind: 'loading' } | { kind: 'unavailable' } | { kind: 'ready'; status: PageStatus };

/**
 * A page whose content script doesn't answer messages: quiet if Backstory's first script is
 * alive there (it answers only once the page's text could name a topic: content/index.ts), so
 * the page holds nothing; out of reach otherwise (a browser page, a store, a tab still loading).
 */
async function quietPage(api: PageStateApi, tabId: number): Promise<PageStatus | null> {
  const live = (await api.hasLiveContentScript?.(tabId).catch(() => false)) ?? false;
  const url = live ? ((await api.tabUrl?.(tabId).catch(() => null)) ?? null) : null;
  const site = url ? siteOf(url) : null;
  if (!site) return null;
  return { site, active: false, counts: emptyCounts(), found: [], skipped: 0, unshown: 0, mode: null };
}

async function askPage(api: PageStateApi, tabId: number | null): Promise<PageState> {
  if (tabId === null) return { kind: 'unavailable' };
  const status = await api.sendToTab(tabId, 'page:status', {}).catch(() => quietPage(api, tabId));
  return status ? { kind: 'ready', status } : { kind: 'unavailable' };
}

/** Only the background (no tab) speaks to popups: a content script's message to one is ignored. */
const fromBackground = (sender: MessageSender) => sender.tabId === null;

/** After an unanswered first ask, when to ask again (ms after opening). */
const RETRIES_MS = [500, 1500, 3000];

export function usePageState(api: PageStateApi): PageState {
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    let asked = 0;
    const tab = api.activeTabId().catch(() => null);
    let answered = false;
    const ask = async () => {
      const mine = ++asked;
      const next = await askPage(api, await tab).catch((): PageState => ({ kind: 'unavailable' }));
      // A push can overtake the answer to an earlier question: only the latest answer is shown.
      if (!live || mine !== asked) return;
      answered ||= next.kind === 'ready';
      setPage(next);
    };
    const retries = RETRIES_MS.map((ms) => setTimeout(() => void (answered || ask()), ms));
    // The page says when its counts change, on a port of the popup's own; the background passes
    // the same word on too (a page that was quiet when the popup opened had no port to hear it).
    const following = new AbortController();
    void tab.then((tabId) => {
      if (tabId !== null && live) api.followTab?.(tabId, () => void ask(), { signal: following.signal });
    });
    const stop = api.handlePopup({
      'tab:counts-changed': async ({ tabId }, sender) => {
        if (fromBackground(sender) && typeof tabId === 'number' && tabId === (await tab)) void ask();
        return null;
      },
    });
    void ask();
    return () => {
      live = false;
      for (const t of retries) clearTimeout(t);
      following.abort();
      stop();
    };
  }, [api]);
  return page;
}
