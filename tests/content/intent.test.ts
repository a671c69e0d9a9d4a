// @vitest-environment happy-dom
// Pointer and focus intent without an element per mention: hit tests at most once a frame, a
// resting pointer opens, a passing one doesn't, and crossing a mention into the tooltip opens nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OPEN_DELAY, watchIntent } from '../../src/content/intent';
import type { PageMention } from '../../src/content/mentions';

const mention = (id: string) => ({ head: { id, name: id, category: 'places' } }) as PageMention;
const a = mention('a');
const b = mention('b');

let controller: AbortController;
let tooltip: HTMLElement;
let under: Map<Element, PageMention>;
const events: string[] = [];
let hitTests = 0;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<p id="pa">A</p><p id="pb">B</p><p id="plain">plain</p><div id="tip"></div>';
  tooltip = document.getElementById('tip')!;
  under = new Map([
    [document.getElementById('pa')!, a],
    [document.getElementById('pb')!, b],
  ]);
  events.length = 0;
  hitTests = 0;
  controller = new AbortController();
  watchIntent({
    doc: document,
    signal: controller.signal,
    mentionAt: (_x, _y, target) => {
      hitTests++;
      return under.get(target);
    },
    mentionOf: () => undefined,
    isTooltip: (el) => el === tooltip,
    isReturningFocus: () => false,
    onArrive: (m) => events.push(`arrive ${m.head.id}`),
    onRest: (m) => events.push(`rest ${m.head.id}`),
    onLeave: () => events.push('leave'),
    onTooltip: () => events.push('tooltip'),
    onFocus: (m) => events.push(`focus ${m.head.id}`),
    onFocusElsewhere: () => events.push('focus elsewhere'),
  });
});
afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const move = (id: string) => document.getElementById(id)!.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: 5, clientY: 5 }));
const FRAME_MS = 16;
const frame = () => vi.advanceTimersByTime(FRAME_MS);
/** The intent delay, and the animation frame the tooltip opens in. */
const restOnce = () => {
  vi.advanceTimersByTime(OPEN_DELAY - FRAME_MS);
  expect(events).not.toContain('rest a');
  vi.advanceTimersByTime(2 * FRAME_MS);
};

describe('pointer intent', () => {
  it('hit-tests at most once a frame however often the pointer moves', () => {
    for (let i = 0; i < 10; i++) move('plain');
    frame();
    expect(hitTests).toBe(1);
  });

  it('opens a mention the pointer rests on, after the intent delay', () => {
    move('pa');
    frame();
    expect(events).toEqual(['arrive a']);
    restOnce();
    expect(events).toEqual(['arrive a', 'rest a']);
  });

  it('opens at the start of an animation frame, so the tooltip is painted in the frame that ends the delay', () => {
    const queue = window.requestAnimationFrame.bind(window);
    const inFrames: string[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) =>
      queue((t) => {
        const before = events.length;
        cb(t);
        inFrames.push(...events.slice(before));
      }),
    );
    move('pa');
    frame();
    restOnce();
    expect(events).toEqual(['arrive a', 'rest a']);
    expect(inFrames).toEqual(['arrive a', 'rest a']);
  });

  it('opens nothing when the pointer only passes over a mention', () => {
    move('pa');
    frame();
    move('plain');
    frame();
    vi.advanceTimersByTime(500);
    expect(events).toEqual(['arrive a', 'leave']);
  });

  it('opens nothing crossed on the way into the tooltip', () => {
    move('pb');
    frame();
    move('tip');
    frame();
    vi.advanceTimersByTime(500);
    expect(events).toEqual(['arrive b', 'tooltip']);
  });

  it('stops listening when its signal aborts', () => {
    controller.abort();
    move('pa');
    frame();
    vi.advanceTimersByTime(500);
    expect(events).toEqual([]);
  });
});
