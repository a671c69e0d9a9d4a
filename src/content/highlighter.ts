// The small adapter around mark.js: it wraps ranges that the matcher found, and removes them again.
// mark.js does the DOM surgery (splitting text nodes, wrapping a mention that spans inline
// elements); finding the mentions is ours (one pass, one compiled pattern).
//
// Wrapping splits a page's text node in place: the node keeps the text before the mention and
// the rest moves into nodes we create (its "tail": our marks and the remainder). Pages and
// frameworks hold references to their own text nodes only, so the highlighter remembers each
// tail: to restore the DOM node for node, and to step aside when the page changes or removes a
// text node we split (a React or Preact re-render), instead of leaving stale pieces behind.

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

export interface Highlighter {
  /**
   * Wraps each range in <mark> elements (several when it spans inline elements) and calls `each`
   * for every element created, with the range's data.
   */
  wrap<T>(context: Element, ranges: HighlightRange<T>[], each: (mark: HTMLElement, data: T, first: boolean) => void): void;
  /** The page changed or removed one of its text nodes we split: drop our pieces of it. */
  release(node: Node): boolean;
  /** Whether a node is one of the page's text nodes we split. */
  has(node: Node): boolean;
  /** Forgets split text nodes that have left the page with all their pieces. */
  prune(): void;
  /** Removes every highlight, restoring the page's own text nodes exactly. */
  unwrapAll(): void;
}

const isText = (n: Node | null): n is Text => !!n && n.nodeType === 3;
const isOurMark = (n: Node | null): n is HTMLElement =>
  !!n && n.nodeType === 1 && (n as Element).localName === 'mark' && (n as Element).classList.contains(MARK_CLASS);

export function createHighlighter(): Highlighter {
  /** Page text node → the nodes we made out of its text, in order. */
  const tails = new Map<Text, Node[]>();
  /** Every node we created, so a page's own nodes are never mistaken for ours. */
  const created = new WeakSet<Node>();

  function wrap<T>(context: Element, ranges: HighlightRange<T>[], each: (mark: HTMLElement, data: T, first: boolean) => void): void {
    let last: HighlightRange<T> | null = null;
    let checked: HighlightRange<T> | null = null;
    const marks: HTMLElement[] = [];
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
        marks.push(el);
        each(el, range.data, range !== last);
        last = range;
      },
    });
    for (const mark of marks) recordTail(mark);
  }

  /**
   * Finds the page's text node a mark was split from and records, in DOM order, everything we
   * made out of it. mark.js always follows a mark with the remainder of the split text node (empty
   * or not), so a text node right after one of our marks is ours too.
   */
  function recordTail(mark: HTMLElement): void {
    created.add(mark);
    if (mark.firstChild) created.add(mark.firstChild);
    let origin: Node | null = mark.previousSibling;
    while (origin && created.has(origin)) origin = origin.previousSibling;
    if (!isText(origin)) return;
    const tail: Node[] = [];
    for (let n = origin.nextSibling; n && (created.has(n) || isOurMark(n) || (isText(n) && isOurMark(n.previousSibling))); n = n.nextSibling) {
      created.add(n);
      tail.push(n);
    }
    tails.set(origin, tail);
  }

  function release(node: Node): boolean {
    if (!isText(node)) return false;
    const tail = tails.get(node);
    if (!tail) return false;
    tails.delete(node);
    for (const n of tail) n.parentNode?.removeChild(n);
    return true;
  }

  function unwrapAll(): void {
    for (const [origin, tail] of tails) {
      if (!origin.isConnected && !tail.some((n) => n.isConnected)) continue;
      origin.data += tail.map((n) => n.textContent ?? '').join('');
      for (const n of tail) n.parentNode?.removeChild(n);
    }
    tails.clear();
  }

  function prune(): void {
    for (const [origin, tail] of tails) {
      if (!origin.isConnected && !tail.some((n) => n.isConnected)) tails.delete(origin);
    }
  }

  return { wrap, release, has: (n) => isText(n) && tails.has(n), prune, unwrapAll };
}
