// happy-dom's NodeIterator.previousNode() loops forever on some trees with filtered nodes, and
// mark.js walks text with previousNode()/nextNode() pairs. Real browsers are fine (checked in
// Chromium on the same tree), so tests get a NodeIterator that follows the DOM standard's
// traversal algorithm instead of the broken one.

const ACCEPT = 1;

function following(n: Node, root: Node): Node | null {
  if (n.firstChild) return n.firstChild;
  for (let c: Node | null = n; c && c !== root; c = c.parentNode) if (c.nextSibling) return c.nextSibling;
  return null;
}

function preceding(n: Node, root: Node): Node | null {
  if (n === root) return null;
  let p = n.previousSibling;
  if (!p) return n.parentNode;
  while (p.lastChild) p = p.lastChild;
  return p;
}

type Filter = NodeFilter | ((node: Node) => number) | null | undefined;

export function installNodeIterator(doc: Document): void {
  doc.createNodeIterator = function createNodeIterator(root: Node, whatToShow = 0xffffffff, filter: Filter = null): NodeIterator {
    let reference = root;
    let before = true;
    const accept = (n: Node): number => {
      if (!(whatToShow & (1 << (n.nodeType - 1)))) return 3;
      if (!filter) return ACCEPT;
      return typeof filter === 'function' ? filter(n) : filter.acceptNode(n);
    };
    const traverse = (forward: boolean): Node | null => {
      let node: Node | null = reference;
      let beforeNode = before;
      for (;;) {
        if (forward) {
          if (beforeNode) beforeNode = false;
          else if (!(node = following(node!, root))) return null;
        } else if (!beforeNode) beforeNode = true;
        else if (!(node = preceding(node!, root))) return null;
        if (accept(node!) === ACCEPT) {
          reference = node!;
          before = beforeNode;
          return node;
        }
      }
    };
    return {
      root,
      whatToShow,
      filter: typeof filter === 'function' ? { acceptNode: filter } : (filter ?? null),
      get referenceNode() {
        return reference;
      },
      get pointerBeforeReferenceNode() {
        return before;
      },
      nextNode: () => traverse(true),
      previousNode: () => traverse(false),
      detach: () => undefined,
    } as NodeIterator;
  };
}

if (typeof document !== 'undefined') installNodeIterator(document);
