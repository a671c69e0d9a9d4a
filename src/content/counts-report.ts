// The page's counts, for the toolbar badge and an open popup.

import { emptyCounts, type MentionCounts } from '../core/messages';

const keyOf = (c: MentionCounts): string => JSON.stringify([c.total, c.conflicts, c.byCategory, c.byTopic]);

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
