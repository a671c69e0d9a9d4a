// The page's counts, for the toolbar badge and an open popup.

import { emptyCounts, type MentionCounts } from '../core/messages';
import type { ContentApi } from '../platform/content-api';
import type { ExtensionLink } from './extension-link';

/**
 * Where a top frame's counts go: straight to any popup following the page, and through the
 * background to the badge (see ContentApi.acceptFollowers).
 */
export function countsSink(api: Pick<ContentApi, 'send' | 'acceptFollowers'>, send: ExtensionLink['send'], signal: AbortSignal) {
  const tellPopups = api.acceptFollowers(signal);
  return (counts: MentionCounts): void => {
    tellPopups();
    void send(() => api.send('counts:report', { counts })).catch(() => undefined);
  };
}

/** Sorted by key: a block read again may add its topics back in another order without changing a count. */
const sortedEntries = (r: Record<string, number>) => Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const keyOf = (c: MentionCounts): string => JSON.stringify([c.total, c.conflicts, sortedEntries(c.byCategory), sortedEntries(c.byTopic)]);

/**
 * Returns what to call when the counts change: they are sent at most every `everyMs` (a feed
 * changes them many times a second), and only when they differ from the last sent (the badge
 * shows the total, an open popup the rest), so a page without mentions sends nothing at all.
 */
export function countsReporter(
  win: Window,
  signal: AbortSignal,
  everyMs: number,
  counts: () => MentionCounts,
  send: (counts: MentionCounts) => void,
): () => void {
  let timer = 0;
  let reported = keyOf(emptyCounts());
  const flush = () => {
    timer = 0;
    const now = counts();
    const key = keyOf(now);
    if (key === reported) return;
    reported = key;
    send(now);
  };
  signal.addEventListener('abort', () => win.clearTimeout(timer));
  return () => {
    timer ||= win.setTimeout(flush, everyMs);
  };
}
