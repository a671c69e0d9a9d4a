// How mentions are shown on the page: painted by the CSS Custom Highlight API (the default, which
// never touches the page's DOM), or wrapped in <mark> elements (an option, and the fallback where
// CSS.highlights is missing). Both behind this one interface.

import type { PaintMode } from '../core/settings';
import type { PageMention } from './mentions';

export type { PaintMode };

export interface Painter {
  readonly mode: PaintMode;
  /**
   * Whether showing more mentions during a scan is cheap enough to do in several batches. Marks
   * rewrite the page (a 5 MB text node is laid out again each time), so a scan shows its first
   * slice at once and the rest when it ends.
   */
  readonly paintsInBatches: boolean;
  /** At most this many mentions are shown at once: past it, more would cost the page every frame it changes them in. */
  readonly limit: number;
  add(mentions: readonly PageMention[]): void;
  remove(mentions: readonly PageMention[]): void;
  /**
   * The page changed or removed these text nodes: whatever was shown on them goes without
   * restoring anything (their text is the page's now).
   */
  release(nodes: Iterable<Node>): void;
  /** The mention under the pointer at (x, y), whose target element is `target`. */
  mentionAt(x: number, y: number, target: Element): PageMention | undefined;
  /** The mention an element of ours belongs to (mark mode: a mark; highlights have none). */
  mentionOf(el: Element): PageMention | undefined;
  /** Where a mention is on screen now (null when it has left the page or the layout). */
  rectOf(mention: PageMention): DOMRect | null;
  /** Shows where the keyboard is; returns an element to move focus to, where the mode has one. */
  focus(mention: PageMention | null): HTMLElement | null;
  /** Removes everything shown, leaving the page as it was. */
  clear(): void;
}

/** Highlight names, part of the page contract: `backstory-<category id>` and `backstory-check-<verdict>`. */
export const HIGHLIGHT_PREFIX = 'backstory-';
export const CHECK_PREFIX = 'backstory-check-';
export const FOCUS_HIGHLIGHT = 'backstory-focus';

export const highlightNameOf = (m: PageMention): string => (m.check ? `${CHECK_PREFIX}${m.check.verdict}` : `${HIGHLIGHT_PREFIX}${m.head.category}`);

/** Whether a point lies in any of a list of boxes. */
export function within(rects: ArrayLike<DOMRect>, x: number, y: number): boolean {
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}
