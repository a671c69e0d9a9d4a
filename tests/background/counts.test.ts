// A page's counts: the background shows them on the action badge and tells an open popup that the
// tab changed (the popup then asks the page itself), for a tab's top frame only.
import { describe, expect, it } from 'vitest';
import { startBackground } from '../../src/background/start';
import { emptyCounts, type MentionCounts } from '../../src/core/messages';
import type { MessageSender } from '../../src/platform/extension-api';
import { fakeExtension } from '../support/extension-api';

/** The background, with a popup open (answering the background's messages to popups) or not. */
function background(popupOpen = true) {
  const fake = fakeExtension();
  startBackground(fake.api);
  const told: number[] = [];
  if (popupOpen)
    fake.api.handlePopup({
      'tab:counts-changed': ({ tabId }) => {
        told.push(tabId);
        return null;
      },
    });
  const report = (counts: MentionCounts, sender: MessageSender) => fake.deliver('counts:report', { counts }, sender);
  return { badges: fake.badges, told, report };
}

const counts = (total: number): MentionCounts => ({ ...emptyCounts(), total });

describe('counts:report', () => {
  it("sets the tab's badge and tells an open popup that the tab's counts changed", async () => {
    const b = background();
    expect(await b.report(counts(5), { tabId: 3, frameId: 0 })).toBeNull();
    expect([...b.badges]).toEqual([[3, '5']]);
    expect(b.told).toEqual([3]);
  });

  it('answers all the same when no popup is open', async () => {
    const b = background(false);
    expect(await b.report(counts(1200), { tabId: 3, frameId: 0 })).toBeNull();
    expect([...b.badges]).toEqual([[3, '999+']]);
  });

  it('ignores a frame inside the page, a sender without a tab, and a report without counts', async () => {
    const b = background();
    await b.report(counts(5), { tabId: 3, frameId: 2 });
    await b.report(counts(5), { tabId: null, frameId: null });
    expect([...b.badges]).toEqual([]);
    expect(b.told).toEqual([]);
    await b.report(undefined as unknown as MentionCounts, { tabId: 4, frameId: 0 });
    expect([...b.badges]).toEqual([[4, '']]);
    expect(b.told).toEqual([4]);
  });
});
