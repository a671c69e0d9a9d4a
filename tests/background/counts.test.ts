// A page's counts: the background shows them on the action badge and tells an open popup that the
// tab changed (the popup then asks the page itself), for a tab's top frame only.
import { describe, expect, it } from 'vitest';
import { startBackground } from '../../src/background/start';
import { emptyCounts, type MentionCounts } from '../../src/core/messages';
import type { ExtensionApi, Handlers, MessageSender } from '../../src/platform/extension-api';

function background(popupOpen = true) {
  let handlers: Handlers = {};
  const calls: string[] = [];
  const api = {
    handle: (h: Handlers) => {
      handlers = h;
      return () => undefined;
    },
    onCommand: () => () => undefined,
    onInstalled: () => () => undefined,
    loadLocal: async () => [],
    onLocalChanged: () => () => undefined,
    setEarlyScript: async () => undefined,
    setBadge: async (tabId: number, text: string) => void calls.push(`badge ${tabId} '${text}'`),
    sendToPopup: async (type: string, payload: { tabId: number }) => {
      if (!popupOpen) throw new Error('Could not establish connection. Receiving end does not exist.');
      calls.push(`${type} ${payload.tabId}`);
      return null;
    },
  } as unknown as ExtensionApi;
  startBackground(api);
  const report = (counts: MentionCounts, sender: MessageSender) => handlers['counts:report']!({ counts }, sender);
  return { calls, report };
}

const counts = (total: number): MentionCounts => ({ ...emptyCounts(), total });

describe('counts:report', () => {
  it("sets the tab's badge and tells an open popup that the tab's counts changed", async () => {
    const b = background();
    expect(await b.report(counts(5), { tabId: 3, frameId: 0 })).toBeNull();
    expect(b.calls).toEqual(["badge 3 '5'", 'tab:counts-changed 3']);
  });

  it('answers all the same when no popup is open', async () => {
    const b = background(false);
    expect(await b.report(counts(1200), { tabId: 3, frameId: 0 })).toBeNull();
    expect(b.calls).toEqual(["badge 3 '999+'"]);
  });

  it('ignores a frame inside the page, a sender without a tab, and a report without counts', async () => {
    const b = background();
    await b.report(counts(5), { tabId: 3, frameId: 2 });
    await b.report(counts(5), { tabId: null, frameId: null });
    expect(b.calls).toEqual([]);
    await b.report(undefined as unknown as MentionCounts, { tabId: 4, frameId: 0 });
    expect(b.calls).toEqual(["badge 4 ''", 'tab:counts-changed 4']);
  });
});
