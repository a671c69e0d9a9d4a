import { describe, expect, it } from 'vitest';
import { GAP, MARGIN, placeTooltip } from '../../src/core/placement';

const viewport = { width: 1000, height: 800 };
const size = { width: 400, height: 300 };
const anchorAt = (top: number, left: number) => ({ top, left, width: 80, height: 20 });

describe('placeTooltip', () => {
  it('goes below the mention when there is room', () => {
    expect(placeTooltip(anchorAt(100, 200), size, viewport)).toEqual({ top: 100 + 20 + GAP, left: 200, side: 'below', maxHeight: null });
  });

  it('flips above near the bottom of the viewport', () => {
    const p = placeTooltip(anchorAt(700, 200), size, viewport);
    expect(p.side).toBe('above');
    expect(p.top).toBe(700 - GAP - 300);
  });

  it('stays inside the viewport horizontally', () => {
    expect(placeTooltip(anchorAt(100, 900), size, viewport).left).toBe(1000 - 400 - MARGIN);
    expect(placeTooltip(anchorAt(100, -50), size, viewport).left).toBe(MARGIN);
  });

  it('limits its height to the larger side when it fits on neither', () => {
    const p = placeTooltip(anchorAt(300, 10), { width: 400, height: 900 }, viewport);
    expect(p.side).toBe('below');
    expect(p.maxHeight).toBe(800 - 320 - GAP - MARGIN);
    expect(p.top + p.maxHeight!).toBeLessThanOrEqual(800 - MARGIN);
  });
});
