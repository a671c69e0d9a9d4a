// Where the tooltip goes: beside the mention, below by preference, flipped above when there is
// more room there, and clamped so it never leaves the viewport. Viewport coordinates throughout.

export interface Rect {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  top: number;
  left: number;
  side: 'below' | 'above';
  /** Set when the tooltip is taller than the room on either side; its content scrolls. */
  maxHeight: number | null;
}

export const GAP = 6;
export const MARGIN = 8;

export function placeTooltip(anchor: Rect, size: Size, viewport: Size): Placement {
  const roomBelow = viewport.height - (anchor.top + anchor.height) - GAP - MARGIN;
  const roomAbove = anchor.top - GAP - MARGIN;
  const side = size.height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above';
  const room = Math.max(0, side === 'below' ? roomBelow : roomAbove);
  const height = Math.min(size.height, room);
  const top = side === 'below' ? anchor.top + anchor.height + GAP : anchor.top - GAP - height;
  const maxLeft = viewport.width - size.width - MARGIN;
  const left = Math.max(MARGIN, Math.min(anchor.left, maxLeft));
  return { top, left, side, maxHeight: size.height > room ? room : null };
}
