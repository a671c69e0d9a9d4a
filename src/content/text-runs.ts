// One pass over a subtree's text, in document order, cut into runs: stretches of text that read
// as one line of prose (a paragraph, a heading, a list item), so a mention may span inline
// elements but never a block boundary. Each run keeps its text nodes and where each starts in the
// run's text, so a match in the text maps back to exact DOM positions without touching the DOM.

import { ELEMENT_NODE, isExcluded, isInline, SHOW_ELEMENT, SHOW_TEXT, TEXT_NODE } from './zones';

export interface TextRun {
  /** The run's block: the nearest ancestor that isn't inline (a rescan starts from blocks). */
  block: Element;
  /** Where the run stands in reading order, among the runs of the same walk (see ReadingPlace). */
  place: RunPlace;
  text: string;
  /** The run's text nodes in order, and the offset in `text` where each begins. */
  nodes: Text[];
  starts: number[];
}

/**
 * A run's place in reading order without asking the DOM: the walk that found it and its rank in
 * that walk. Runs of one walk compare by rank; runs of different walks (a rescan) only through the
 * DOM, whose compareDocumentPosition walks siblings and cost a 5 MB page seconds.
 */
export interface RunPlace {
  walk: number;
  rank: number;
}

/** Ranks of the first lap of a walk that starts at `from` begin here: the second lap (from the root's start up to `from`) reads earlier text. */
const FIRST_LAP_RANK = 2 ** 30;
/** Walks made so far in this document's script: each walk's runs carry its number. */
let walks = 0;

/** A point in the page's text: a text node and an offset in it. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/**
 * Elements nested deeper than this under the scanned root are skipped: no page reads like that,
 * and a hostile or broken page nested 50,000 levels deep must not cost its reader anything.
 */
export const MAX_DEPTH = 256;

export interface RunWalker {
  /** The next run, or null when the subtree is done. Only reads the DOM. */
  next(): TextRun | null;
  /** Subtrees skipped for being nested beyond MAX_DEPTH. */
  readonly skipped: number;
  /** The page removed the part being walked: the walk stopped, and the root needs reading again. */
  readonly interrupted: boolean;
}

/**
 * Walks `root`'s text. With `from` (an element inside root), the walk starts there, goes on to the
 * end of root, then reads root from its start up to `from`: every node once, `from` first.
 */
export function createRunWalker(root: Element, from: Element | null = null): RunWalker {
  const doc = root.ownerDocument;
  // No filter: a JavaScript filter is a call from the browser into script for every node of the
  // page. Excluded and too-deep subtrees are skipped by moving the walker past them instead.
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
  /** Set while reading the part of root before `from` (the second lap). */
  let wrapped = false;
  /** Set when an excluded element (a textarea, a code block…) was skipped: it ends the run too. */
  let brokeRun = false;
  let skippedDeep = 0;
  /** The ancestors of the last node visited (root first): depth without a lookup per element. */
  const ancestors: Node[] = [root];
  let last: Node = root;
  if (from && from !== root && root.contains(from)) {
    const chain: Node[] = [];
    for (let n: Node | null = from.parentNode; n && n !== root; n = n.parentNode) chain.unshift(n);
    ancestors.push(...chain);
    last = from;
    walker.currentNode = from;
  } else {
    from = null;
  }
  const blockOf = new Map<Element, Element>([[root, root]]);
  const walk = ++walks;
  let firstLapRank = FIRST_LAP_RANK;
  let secondLapRank = 0;
  let pending: TextRun | null = null;
  let done = false;

  function depthOf(node: Node): number {
    const parent = node.parentNode;
    if (parent === last) ancestors.push(last);
    else while (ancestors.length > 1 && ancestors[ancestors.length - 1] !== parent) ancestors.pop();
    last = node;
    return ancestors.length;
  }

  /** The node after `el` and everything inside it, or null at the end of the root. */
  function skip(el: Element): Node | null {
    brokeRun = true;
    walker.currentNode = el;
    for (;;) {
      const sibling = walker.nextSibling();
      if (sibling) return sibling;
      if (!walker.parentNode() || walker.currentNode === root) return null;
    }
  }

  /** The next node to read: text, or an element that is neither excluded nor too deep. */
  function advance(): Node | null {
    let node = walker.nextNode();
    while (node && node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      if (wrapped && el === from) return null;
      const tooDeep = depthOf(el) > MAX_DEPTH;
      if (!tooDeep && !isExcluded(el)) return el;
      if (tooDeep) skippedDeep++;
      node = skip(el);
    }
    if (node) depthOf(node);
    return node;
  }

  function blockFor(el: Element): Element {
    const known = blockOf.get(el);
    if (known) return known;
    // Iterative, not recursive: deep inline nesting must not exhaust the stack.
    const chain: Element[] = [];
    let at: Element = el;
    let block: Element | undefined;
    for (;;) {
      block = blockOf.get(at);
      if (block) break;
      if (!isInline(at) || !at.parentElement) {
        block = at;
        break;
      }
      chain.push(at);
      at = at.parentElement;
    }
    blockOf.set(at, block);
    for (const c of chain) blockOf.set(c, block);
    return block;
  }

  function finish(): TextRun | null {
    const run = pending;
    pending = null;
    return run;
  }

  /** After the first lap (from `from` to the end), the second: from root's start up to `from`. */
  function wrap(): boolean {
    if (!from || wrapped) return false;
    wrapped = true;
    walker.currentNode = root;
    ancestors.length = 1;
    last = root;
    brokeRun = true;
    return true;
  }

  let interrupted = false;

  function next(): TextRun | null {
    // Walking on from a node the page removed since the last call would read it and miss the
    // rest. (Within one call the page can't change anything: once per call is enough.)
    if (!done && (!walker.currentNode.isConnected || !root.isConnected)) {
      interrupted = true;
      done = true;
    }
    while (!done) {
      const node = advance();
      if (!node) {
        if (wrap()) {
          if (pending) return finish();
          continue;
        }
        done = true;
        break;
      }
      const type = node.nodeType;
      if (type === ELEMENT_NODE) {
        // A block (or <br>, <img>…) inside the current run ends it.
        if (pending && !isInline(node as Element)) return finish();
        continue;
      }
      if (type !== TEXT_NODE) continue;
      const text = node as Text;
      const parent = text.parentElement;
      if (!parent) continue;
      const block = blockFor(parent);
      const joined = !brokeRun;
      brokeRun = false;
      if (pending && pending.block === block && joined) {
        pending.starts.push(pending.text.length);
        pending.nodes.push(text);
        pending.text += text.data;
        continue;
      }
      const finished = finish();
      const rank = wrapped ? secondLapRank++ : firstLapRank++;
      pending = { block, place: { walk, rank }, text: text.data, nodes: [text], starts: [0] };
      if (finished) return finished;
    }
    return finish();
  }

  return {
    next,
    get skipped() {
      return skippedDeep;
    },
    get interrupted() {
      return interrupted;
    },
  };
}

/** Index of the run's node holding the character at `offset` (the last node starting at or before it). */
function nodeIndexAt(run: TextRun, offset: number): number {
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

/** The text nodes a stretch of the run covers (never to be changed: lists may be shared). */
export function nodesOf(run: TextRun, start: number, end: number): readonly Text[] {
  const first = nodeIndexAt(run, start);
  const last = nodeIndexAt(run, Math.max(start, end - 1));
  if (first !== last) return run.nodes.slice(first, last + 1);
  const node = run.nodes[first]!;
  let list = singles.get(node);
  if (!list) singles.set(node, (list = Object.freeze([node])));
  return list;
}
