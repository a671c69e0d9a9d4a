// When a long scan hands what it found to the painter, and the scan's measure in the page's timeline.

/**
 * After its first slice (the top of the page, shown at once), a scan hands what it found to the
 * painter after this long, then after twice as long each time, up to PAINT_INTERVAL_MAX_MS:
 * each change to the highlights makes the browser revisit every range it holds (and lay out a
 * huge text node again), so a long scan paints in a handful of batches, not after every slice.
 */
export const PAINT_INTERVAL_MS = 120;
const PAINT_INTERVAL_MAX_MS = 2000;

/**
 * With this many mentions shown, a long scan holds what else it finds until its end. Every
 * change to the highlights makes Chromium rebuild its markers for every range registered (and
 * invalidate their paint), so each batch painted costs a frame that grows with all the ranges
 * before it: on a 5 MB page's 13,000 mentions, frames of 20, 50, 100 ms before the last one's
 * 150. Held, the mentions further down cost only that last frame; the reader's first screen
 * and the top of the page are painted long before.
 */
export const BATCHES_UP_TO = 2_000;

/**
 * When a scan hands what it found to the painter: after its first slice, then after
 * PAINT_INTERVAL_MS, twice as long each time after that while fewer than BATCHES_UP_TO mentions
 * would be shown (`painted` and `waiting` both: the frame after a batch revisits every range);
 * once at the end for a painter that doesn't paint in batches.
 * A slice that found nothing (`waiting` 0: its text is still with the background) paints nothing and
 * doesn't count: the first paint is the first with something to show, however soon the rest follows.
 */
export function paintPacer(win: Window, batches: boolean, painted: () => number, waiting: () => number, paint: () => void): () => void {
  let nextPaint = -Infinity;
  let interval = PAINT_INTERVAL_MS;
  return () => {
    if (waiting() === 0) return;
    const now = win.performance.now();
    if (now < nextPaint || (!batches && nextPaint > -Infinity)) return;
    if (nextPaint > -Infinity && painted() + waiting() >= BATCHES_UP_TO) return;
    if (nextPaint > -Infinity) interval = Math.min(interval * 2, PAINT_INTERVAL_MAX_MS);
    nextPaint = now + interval;
    paint();
  };
}

export const SCAN_MEASURE = 'backstory:scan';

/** The scan's measure in the page's timeline (part of the page contract). */
export function measureScan(win: Window, t0: number): void {
  try {
    win.performance.measure(SCAN_MEASURE, { start: t0, end: win.performance.now() });
  } catch {
    // Pages may replace performance.measure; measuring must never break a scan.
  }
}
