// One pass over a subtree's text, in document order, cut into runs: stretches of text that read
// as one line of prose (a paragraph, a heading, a list item), so a mention may span inline
// elements but never a block boundary. Offsets are counted the way mark.js counts them inside
// each run's context element, so ranges can be handed to it unchanged.

import { isExcluded, isInline } from './zones';

export interface TextRun {
  /** The element mark.js is run on for this run's ranges. */
  context: Element;
  /** Offset of the run's first character within the context's text, as mark.js counts it. */
  offset: number;
  text: string;
}

/**
 * Walks `root` lazily: call next() repeatedly, a slice at a time. Returns null when done.
 * Only reads the DOM.
 */
export function createRunWalker(root: Element): { next(): TextRun | null } {
  const doc = root.ownerDocument;
  const view = doc.defaultView;
  const SHOW_ELEMENT = view?.NodeFilter.SHOW_ELEMENT ?? 1;
  const SHOW_TEXT = view?.NodeFilter.SHOW_TEXT ?? 4;
  /** Set when an excluded element (a textarea, a code block…) was skipped: it ends the run too. */
  let skipped = false;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode: (node) => {
      if (node.nodeType === 1 && isExcluded(node as Element)) {
        skipped = true;
        return 2; // REJECT: skip the whole subtree
      }
      return 1;
    },
  });
  /** Characters of text seen so far, in mark.js's counting. */
  let seen = 0;
  const contextStart = new Map<Element, number>([[root, 0]]);
  const contextOf = new Map<Element, Element>();
  let pending: TextRun | null = null;
  let done = false;

  function contextFor(el: Element): Element {
    const cached = contextOf.get(el);
    if (cached) return cached;
    const ctx = el === root || !isInline(el) || !el.parentElement ? el : contextFor(el.parentElement);
    contextOf.set(el, ctx);
    return ctx;
  }

  function next(): TextRun | null {
    while (!done) {
      const node = walker.nextNode();
      if (!node) {
        done = true;
        break;
      }
      if (node.nodeType === 1) {
        const el = node as Element;
        if (!isInline(el)) {
          contextStart.set(el, seen);
          // A block (or <br>, <img>…) inside the current run ends it.
          if (pending) {
            const run = pending;
            pending = null;
            return run;
          }
        }
        continue;
      }
      const text = (node as Text).data;
      const parent = node.parentElement;
      if (!parent) continue;
      const context = contextFor(parent);
      const start = seen;
      seen += text.length;
      const joined = !skipped;
      skipped = false;
      if (pending && pending.context === context && joined) {
        pending.text += text;
        continue;
      }
      const finished = pending;
      pending = { context, offset: start - (contextStart.get(context) ?? 0), text };
      if (finished) return finished;
    }
    const last = pending;
    pending = null;
    return last;
  }

  return { next };
}
