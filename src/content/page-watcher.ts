// The page's own changes. Text the page changed or removed is reported at once, from the
// observer's callback, before the browser paints again: nothing is ever shown on the wrong text,
// not even for a frame. What needs reading again is batched: a block whose text changed is read
// after a frame (a framework re-rendering a line), added subtrees after MUTATION_BATCH_MS (a feed
// appending a paragraph at a time is read a batch at a time), and a batch is reduced to its
// outermost roots before anything is scanned.

import { ELEMENT_NODE, isInline, TEXT_NODE } from './zones';

/** The block an element's text belongs to: a name may run across inline elements inside it. */
function blockOf(el: Element): Element {
  let block = el;
  while (isInline(block) && block.parentElement) block = block.parentElement;
  return block;
}

/** How long added content is left to settle before it is scanned. */
export const MUTATION_BATCH_MS = 150;
/** How soon a block whose text the page changed is read again. */
export const TEXT_CHANGE_MS = 16;

export interface PageChangeHandlers {
  /** Text nodes the page changed, and nodes it removed (with whatever was inside them). */
  onStale(nodes: Node[]): void;
  /** Connected elements to read again, outermost only. */
  onRoots(roots: Element[]): void;
}

export interface PageWatcher {
  /** Runs fn without noticing its DOM changes (mark mode writes marks). */
  quietly<T>(fn: () => T): T;
  /**
   * How many times the page's changes have been reported so far. Reports come before any later
   * task runs, so text read while this stayed the same is still the page's text.
   */
  readonly changes: number;
}

export function watchPage(doc: Document, signal: AbortSignal, handlers: PageChangeHandlers): PageWatcher {
  const win = doc.defaultView!;
  let roots = new Set<Node>();
  let timer = 0;
  let due = Infinity;
  let changes = 0;

  function schedule(delay: number): void {
    const at = win.performance.now() + delay;
    if (timer && at >= due) return;
    win.clearTimeout(timer);
    due = at;
    timer = win.setTimeout(flush, delay);
  }

  function collect(records: MutationRecord[]): void {
    if (records.length) changes++;
    const stale: Node[] = [];
    let textChanged = false;
    for (const r of records) {
      if (r.type === 'characterData') {
        stale.push(r.target);
        textChanged = true;
        if (r.target.parentElement) roots.add(r.target.parentElement);
        continue;
      }
      for (const n of r.removedNodes) stale.push(n);
      // Text left around removed text or inline elements may now read as (or stop being) a name;
      // a removed block changes nothing around it (a feed dropping old items is not read again).
      if (
        r.target.nodeType === ELEMENT_NODE &&
        [...r.removedNodes].some((n) => n.nodeType === TEXT_NODE || (n.nodeType === ELEMENT_NODE && isInline(n as Element)))
      )
        roots.add(r.target);
      for (const n of r.addedNodes) {
        if (n.nodeType !== TEXT_NODE) roots.add(n);
        // Text added beside existing text may complete a name across nodes: the parent is read again.
        else if (r.target.nodeType === ELEMENT_NODE) roots.add(r.target);
      }
    }
    if (stale.length) handlers.onStale(stale);
    if (roots.size) schedule(textChanged ? TEXT_CHANGE_MS : MUTATION_BATCH_MS);
  }

  function outermost(): Element[] {
    const connected = [...new Set([...roots].filter((n): n is Element => n.nodeType === ELEMENT_NODE && n.isConnected).map(blockOf))];
    // One walk up per root: linear for the usual feed (siblings, none inside another).
    const set = new Set(connected);
    return connected.filter((r) => {
      for (let p = r.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
      return true;
    });
  }

  function flush(): void {
    timer = 0;
    due = Infinity;
    const found = outermost();
    roots = new Set();
    if (found.length) handlers.onRoots(found);
  }

  const observer = new win.MutationObserver(collect);
  const observe = () => {
    if (doc.body) observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  };
  observe();
  signal.addEventListener('abort', () => {
    observer.disconnect();
    win.clearTimeout(timer);
  });

  return {
    get changes() {
      return changes;
    },
    quietly(fn) {
      collect(observer.takeRecords());
      observer.disconnect();
      try {
        return fn();
      } finally {
        if (!signal.aborted) observe();
      }
    },
  };
}
