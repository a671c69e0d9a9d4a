// The page's counts go to the background at most every so often, and only when they changed:
// the badge shows the total, an open popup the categories, topics and conflicts too.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countsReporter } from '../../src/content/counts-report';
import { emptyCounts, type MentionCounts } from '../../src/core/messages';

const EVERY_MS = 500;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function reporter() {
  let now = emptyCounts();
  const sent: MentionCounts[] = [];
  const controller = new AbortController();
  const changed = countsReporter(
    globalThis as unknown as Window,
    controller.signal,
    EVERY_MS,
    () => now,
    (c) => sent.push(c),
  );
  return {
    sent,
    controller,
    change(next: MentionCounts) {
      now = next;
      changed();
    },
  };
}

const counts = (byTopic: Record<string, number>, conflicts = 0): MentionCounts => ({
  total: Object.values(byTopic).reduce((a, b) => a + b, 0),
  conflicts,
  byCategory: { places: Object.values(byTopic).reduce((a, b) => a + b, 0) },
  byTopic,
});

describe('countsReporter', () => {
  it('sends nothing for a page without mentions', () => {
    const r = reporter();
    r.change(emptyCounts());
    vi.advanceTimersByTime(EVERY_MS * 2);
    expect(r.sent).toEqual([]);
  });

  it('sends the latest counts once per interval, however often they change', () => {
    const r = reporter();
    for (let n = 1; n <= 10; n++) r.change(counts({ a: n }));
    expect(r.sent).toEqual([]);
    vi.advanceTimersByTime(EVERY_MS);
    expect(r.sent).toEqual([counts({ a: 10 })]);
  });

  it('sends a change the total does not show (one topic’s mention for another’s, a conflict found)', () => {
    const r = reporter();
    r.change(counts({ a: 2 }));
    vi.advanceTimersByTime(EVERY_MS);
    r.change(counts({ a: 1, b: 1 }));
    vi.advanceTimersByTime(EVERY_MS);
    r.change(counts({ a: 1, b: 1 }, 1));
    vi.advanceTimersByTime(EVERY_MS);
    r.change(counts({ a: 1, b: 1 }, 1));
    vi.advanceTimersByTime(EVERY_MS);
    expect(r.sent).toEqual([counts({ a: 2 }), counts({ a: 1, b: 1 }), counts({ a: 1, b: 1 }, 1)]);
  });

  it('sends counts back to what was last sent when they were something else in between (a popup may have read that)', () => {
    const r = reporter();
    r.change(counts({ a: 1 }));
    vi.advanceTimersByTime(EVERY_MS);
    // A paragraph added, then removed within one interval: an open popup told of another change
    // meanwhile read 2, and must be told of the 1 again.
    r.change(counts({ a: 2 }));
    r.change(counts({ a: 1 }));
    vi.advanceTimersByTime(EVERY_MS);
    expect(r.sent).toEqual([counts({ a: 1 }), counts({ a: 1 })]);
    // Unchanged since: nothing more.
    r.change(counts({ a: 1 }));
    vi.advanceTimersByTime(EVERY_MS);
    expect(r.sent).toHaveLength(2);
  });

  it('sends nothing once its instance has stopped', () => {
    const r = reporter();
    r.change(counts({ a: 1 }));
    r.controller.abort();
    vi.advanceTimersByTime(EVERY_MS * 2);
    expect(r.sent).toEqual([]);
  });
});
