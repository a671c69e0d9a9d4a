// Where reading starts on a page opened scrolled down (a reload, a link to an anchor).

import { MAX_DEPTH } from './text-runs';
import { EXCLUDED_SELECTOR, isInline, TEXT_NODE } from './zones';

/** Just inside the top of the view: where its first line of text is looked for. */
const VIEW_TOP_PX = 4;

/**
 * The block of the text at the top of the view, when the page is scrolled down: reading starts
 * there, so what is in view is painted in the first slice, then wraps round to the top of the page.
 */
export function readingStart(doc: Document, win: Window): Element | null {
  const body = doc.body;
  if (!body || win.scrollY < win.innerHeight || typeof doc.caretPositionFromPoint !== 'function') return null;
  const node = doc.caretPositionFromPoint(win.innerWidth / 2, VIEW_TOP_PX)?.offsetNode;
  let el = node && node.nodeType === TEXT_NODE ? node.parentElement : (node as Element | null | undefined);
  while (el && el !== body && isInline(el)) el = el.parentElement;
  if (!el || el === body || !body.contains(el) || el.closest(EXCLUDED_SELECTOR)) return null;
  // The walk skips what is nested too deep; it must not start there either.
  let depth = 0;
  for (let p: Element | null = el; p && p !== body; p = p.parentElement) depth++;
  return depth <= MAX_DEPTH ? el : null;
}
