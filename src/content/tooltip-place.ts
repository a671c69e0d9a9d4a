// Where the tooltip's panel goes on screen: beside its mention, inside the viewport (the rule is
// core/placement.ts's). Run on each paint and on every scroll and resize while a tooltip is open,
// so it reads the layout once (the panel's natural size) and writes only the panel's own style.

import { placeTooltip } from '../core/placement';

/**
 * Places the panel beside its mention and shows it (`data-side`: below or above it). False, and
 * nothing placed, once the mention has left the page or the viewport's height: the tooltip closes.
 */
export function placeBeside(panel: HTMLElement, anchor: DOMRect | null, win: Window): boolean {
  const viewport = { width: win.innerWidth, height: win.innerHeight };
  if (!anchor || anchor.bottom < 0 || anchor.top > viewport.height) return false;
  // Measured at its natural height: a cap left from the last place would hide how tall it is now.
  panel.style.maxHeight = '';
  const natural = { width: panel.offsetWidth, height: panel.offsetHeight };
  const place = placeTooltip({ top: anchor.top, left: anchor.left, width: anchor.width, height: anchor.height }, natural, viewport);
  panel.style.top = `${place.top}px`;
  panel.style.left = `${place.left}px`;
  panel.style.maxHeight = place.maxHeight === null ? '' : `${place.maxHeight}px`;
  panel.classList.add('open');
  panel.dataset.side = place.side;
  return true;
}
