// Which highlighted mention is under the pointer. A highlight is no element, so the pointer's
// target cannot say; the caret under the point names the text node instead. Two things keep this
// cheap on every pointer move: only an element with a mention's text directly inside is tested at
// all, and in that text node only the mentions touching the caret are laid out.

import type { MentionRegistry, PageMention } from './mentions';
import { within } from './painter';
import { TEXT_NODE } from './zones';

interface Caret {
  node: Node;
  offset: number;
}

/** The caret at a point: Firefox and recent Chromium have caretPositionFromPoint, older Chromium the Range form. */
function caretAt(doc: Document, x: number, y: number): Caret | null {
  const d = doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** A live Range over a mention's text as it is now; null once the page removed or shortened that text. */
export function liveRange(doc: Document, m: PageMention): Range | null {
  if (!m.nodes.every((n) => n.isConnected)) return null;
  const r = doc.createRange();
  try {
    r.setStart(m.start.node, m.start.offset);
    r.setEnd(m.end.node, m.end.offset);
  } catch {
    return null; // the page shortened the text since
  }
  return r;
}

/** The mention whose text is under (x, y), laying out only those touching the caret there. */
export function mentionUnder(doc: Document, registry: MentionRegistry, x: number, y: number): PageMention | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== TEXT_NODE) return undefined;
  // The caret sits between characters: the mention may begin or end at it.
  const node = caret.node as Text;
  for (const m of registry.inNode(node)) {
    const from = m.start.node === node ? m.start.offset : 0;
    const to = m.end.node === node ? m.end.offset : node.length;
    if (caret.offset < from || caret.offset > to) continue;
    const r = liveRange(doc, m);
    if (r && within(r.getClientRects(), x, y)) return m;
  }
  return undefined;
}

/** Elements with a mention's text directly inside, counted per mention: hovering any other costs no hit test. */
export interface TextParents {
  add(m: PageMention): void;
  remove(m: PageMention): void;
  has(el: Element): boolean;
  clear(): void;
}

export function createTextParents(): TextParents {
  const counts = new Map<Element, number>();

  function countOne(p: Element, by: 1 | -1): void {
    const next = (counts.get(p) ?? 0) + by;
    if (next > 0) counts.set(p, next);
    else counts.delete(p);
  }

  function count(m: PageMention, by: 1 | -1): void {
    const stored = m.parents;
    if (!stored) return;
    if (Array.isArray(stored)) for (const p of stored) countOne(p, by);
    else countOne(stored, by);
  }

  return {
    add(m) {
      // The parents as they were when it was painted (the page may move its text since): one
      // element for the usual mention in one text node, a list only when it spans several.
      const only = m.nodes.length === 1 ? m.nodes[0]!.parentElement : null;
      if (only) m.parents = only;
      else {
        const list = m.nodes.flatMap((n) => (n.parentElement ? [n.parentElement] : []));
        m.parents = list.length === 1 ? list[0]! : list;
      }
      count(m, 1);
    },
    remove: (m) => count(m, -1),
    has: (el) => counts.has(el),
    clear: () => counts.clear(),
  };
}
