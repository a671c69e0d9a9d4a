// When a long scan hands its mentions to the painter: a few batches while they are few, then
// only at the end (each batch makes the browser revisit every range registered before it).
import { describe, expect, it } from 'vitest';
import { BATCHES_UP_TO, PAINT_INTERVAL_MS, paintPacer } from '../../src/content/scan-pacing';

function pacer(batches: boolean) {
  const clock = { now: 0, shown: 0, waiting: 1, painted: 0 };
  // `shown` counts what is painted; one more mention waits unless a test says otherwise.
  const win = { performance: { now: () => clock.now } } as unknown as Window;
  const due = paintPacer(
    win,
    batches,
    () => clock.shown,
    () => clock.waiting,
    () => clock.painted++,
  );
  return { clock, due };
}

describe('paint pacing', () => {
  it('paints after the first slice, then less and less often', () => {
    const { clock, due } = pacer(true);
    due();
    expect(clock.painted).toBe(1);
    clock.now = PAINT_INTERVAL_MS - 1;
    due();
    expect(clock.painted).toBe(1);
    clock.now = PAINT_INTERVAL_MS;
    due();
    expect(clock.painted).toBe(2);
    clock.now = 2 * PAINT_INTERVAL_MS;
    due();
    expect(clock.painted).toBe(2);
  });

  it('holds the rest until the end once many mentions would be shown', () => {
    const { clock, due } = pacer(true);
    due();
    clock.shown = BATCHES_UP_TO;
    clock.now = 100 * PAINT_INTERVAL_MS;
    due();
    expect(clock.painted).toBe(1);
  });

  it('always paints the first slice, however much it found', () => {
    const { clock, due } = pacer(true);
    clock.shown = 10 * BATCHES_UP_TO;
    due();
    expect(clock.painted).toBe(1);
  });

  it('counts no slice that found nothing to show, so the first paint is the first with mentions in it', () => {
    // The first slices only hand their text to the background; its answers come back soon after.
    const { clock, due } = pacer(true);
    clock.waiting = 0;
    due();
    clock.now = 10;
    due();
    expect(clock.painted).toBe(0);
    clock.now = 20;
    clock.waiting = 5;
    due();
    expect(clock.painted).toBe(1);
  });

  it('paints once for a painter that does not paint in batches', () => {
    const { clock, due } = pacer(false);
    due();
    clock.now = 100 * PAINT_INTERVAL_MS;
    due();
    expect(clock.painted).toBe(1);
  });
});
