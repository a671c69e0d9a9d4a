// The page's counts, for the toolbar badge.

import type { MentionCounts } from '../core/messages';

/**
 * Returns what to call when the counts change: they are sent at most every `everyMs` (a feed
 * changes them many times a second), and only when their total changes, so a page without
 * mentions sends nothing at all.
 */
export function countsReporter(
  win: Window,
  signal: AbortSignal,
  everyMs: number,
  counts: () => MentionCounts,
  send: (counts: MentionCounts) => void,
): () => void {
  let timer = 0;
  let reported = 0;
  const flush = () => {
    timer = 0;
    const now = counts();
    if (now.total === reported) return;
    reported = now.total;
    send(now);
  };
  signal.addEventListener('abort', () => win.clearTimeout(timer));
  return () => {
    timer ||= win.setTimeout(flush, everyMs);
  };
}
