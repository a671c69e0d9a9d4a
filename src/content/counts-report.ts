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
 * Returns what to call whenever the counts may have changed: they are sent at
 * most every `everyMs` (a feed changes them many times a second), and only when they differ from
 * the last sent or changed in between (the badge shows the total, an open popup the rest), so a
 * page without mentions sends nothing at all. An open popup reads the page's counts as they are
 * whenever it is told, so one that read them between two sends must hear of a change back to
 * what was last sent (a paragraph added, then removed within the interval).
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
  /** The counts were something else than last sent at some time since. */
  let moved = false;
  const flush = () => {
    timer = 0;
    const now = counts();
    const key = keyOf(now);
    if (key === reported && !moved) return;
    reported = key;
    moved = false;
    send(now);
  };
  signal.addEventListener('abort', () => win.clearTimeout(timer));
  return () => {
    // Read only until they are seen to have moved: a rescan calls this once per block it reads again.
    moved ||= keyOf(counts()) !== reported;
    timer ||= win.setTimeout(flush, everyMs);
  };
}
