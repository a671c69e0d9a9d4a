// The small adapter around mark.js: it wraps ranges that the matcher found, and removes them again.
// mark.js does the DOM surgery (splitting text nodes, wrapping a mention that spans inline
// elements); finding the mentions is ours (one pass, one compiled pattern).

import Mark from 'mark.js';
import { EXCLUDED_FOR_MARKJS, MARK_CLASS } from './zones';

export interface HighlightRange<T> {
  /** Offset within the context element's text, as mark.js counts it. */
  start: number;
  length: number;
  /** The text expected there; a range whose text changed since it was found is skipped. */
  expected: string;
  data: T;
}

/**
 * Wraps each range in <mark> elements (several when it spans inline elements) and calls `each`
 * for every element created, with the range's data.
 */
export function wrapRanges<T>(
  context: Element,
  ranges: HighlightRange<T>[],
  each: (mark: HTMLElement, data: T, first: boolean) => void,
): void {
  let last: HighlightRange<T> | null = null;
  let checked: HighlightRange<T> | null = null;
  new Mark(context).markRanges(ranges, {
    element: 'mark',
    className: MARK_CLASS,
    exclude: EXCLUDED_FOR_MARKJS,
    // mark.js asks once per text node of a range; only its first question sees the range's text.
    filter: (_node, range, text) => {
      if (range === checked) return true;
      checked = range;
      return text === range.expected;
    },
    each: (el, range) => {
      each(el, range.data, range !== last);
      last = range;
    },
  });
}

/** Removes every Backstory mark under root (or exactly those matching `selector`), keeping their text. */
export function unwrapAll(root: Element, selector = `mark.${MARK_CLASS}`): void {
  const marks = root.querySelectorAll(selector);
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parents.add(parent);
  }
  // Wrapping split text nodes; join them again so the page's DOM is as it was.
  for (const parent of parents) parent.normalize();
}
