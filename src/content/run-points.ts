// Where a stretch of a run's text lies in the DOM: the run keeps its text nodes and where each
// starts in its text, so a match maps back to exact positions without touching the DOM.

import type { TextRun } from './text-runs';

/** A point in the page's text: a text node and an offset in it. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/** Index of the run's node holding the character at `offset` (the last node starting at or before it). */
export function nodeIndexAt(run: TextRun, offset: number): number {
  let lo = 0;
  let hi = run.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (run.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where the run's text from `start` to `end` lies in the DOM (start inside a node, end inside a node). */
export function pointsOf(run: TextRun, start: number, end: number): [TextPoint, TextPoint] {
  const a = nodeIndexAt(run, start);
  // The end is exclusive: it belongs to the node holding the last character.
  const b = nodeIndexAt(run, Math.max(start, end - 1));
  return [
    { node: run.nodes[a]!, offset: start - run.starts[a]! },
    { node: run.nodes[b]!, offset: end - run.starts[b]! },
  ];
}

/** One shared list per text node for the mentions inside a single node (most of them): memory. */
const singles = new WeakMap<Text, readonly Text[]>();

/**
 * The run's text nodes from index `first` to `last` (never to be changed: lists may be shared).
 * A run of one text node (most of them) hands on its own list; a mention inside one node of a
 * longer run gets that node's shared list.
 */
export function nodesBetween(run: TextRun, first: number, last: number): readonly Text[] {
  if (first !== last) return run.nodes.slice(first, last + 1);
  if (run.nodes.length === 1) return run.nodes;
  const node = run.nodes[first]!;
  let list = singles.get(node);
  if (!list) singles.set(node, (list = Object.freeze([node])));
  return list;
}
