// The page's own changes, batched: text the page changed or removed (whose mentions must go, so
// nothing is ever shown on the wrong text) and subtrees it added (to scan). A feed that appends
// a paragraph at a time is handled a batch at a time; a huge batch is reduced to its outermost
// roots before anything is scanned.

import { ELEMENT_NODE, TEXT_NODE } from './zones';

/** How long added content is left to settle before it is scanned. */
export const MUTATION_BATCH_MS = 150;

export interface PageChanges {
  /** Text nodes the page changed, and nodes it removed (with whatever was inside them). */
  stale: Node[];
  /** Connected elements to scan again, outermost only. */
  roots: Element[];
}

export interface PageWatcher {
  /** Runs fn without noticing its DOM changes (mark mode writes marks). */
  quietly<T>(fn: () => T): T;
}

export function watchPage(doc: Document, signal: AbortSignal, onChanges: (changes: PageChanges) => void): PageWatcher {
  const win = doc.defaultView!;
  let stale: Node[] = [];
  let roots = new Set<Node>();
  let timer = 0;

  function collect(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'characterData') {
        stale.push(r.target);
        if (r.target.parentElement) roots.add(r.target.parentElement);
        continue;
      }
      for (const n of r.removedNodes) stale.push(n);
      for (const n of r.addedNodes) roots.add(n.nodeType === TEXT_NODE ? (n.parentElement ?? n) : n);
      // Text added beside existing text may complete a name across nodes: the parent is read again.
      if (r.addedNodes.length && r.target.nodeType === ELEMENT_NODE) {
        for (const n of r.addedNodes) if (n.nodeType === TEXT_NODE) roots.add(r.target);
      }
    }
    if ((stale.length || roots.size) && !timer) timer = win.setTimeout(flush, MUTATION_BATCH_MS);
  }

  function outermost(): Element[] {
    const connected = [...roots].filter((n): n is Element => n.nodeType === ELEMENT_NODE && n.isConnected);
    // One walk up per root: linear for the usual feed (siblings, none inside another).
    const set = new Set(connected);
    return connected.filter((r) => {
      for (let p = r.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
      return true;
    });
  }

  function flush(): void {
    timer = 0;
    const changes: PageChanges = { stale, roots: outermost() };
    stale = [];
    roots = new Set();
    if (changes.stale.length || changes.roots.length) onChanges(changes);
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
