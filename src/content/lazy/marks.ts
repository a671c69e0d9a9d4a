// Mark mode: each mention wrapped in <mark> elements through mark.js, for reader views, printing
// and screen readers that announce marks, and where CSS.highlights is missing. Loaded only when
// a page is shown in this mode.
//
// The scanner already knows each mention's text nodes and offsets, so no selector is matched and
// no text is searched here: each page text node with mentions is cut once into pieces, and
// mark.js wraps each piece. The work stays linear in the page's size. What is created after a
// page's text node (its "tail": pieces, marks, the text between them) is remembered per node, to
// restore the DOM node for node, and to step aside when the page changes or removes a text node
// we cut (a framework re-rendering).

import Mark from 'mark.js';
import type { PageMention } from '../mentions';
import type { Painter } from '../painter';
import { DOCUMENT_POSITION_FOLLOWING, MARK_CLASS } from '../zones';

interface Piece {
  mention: PageMention;
  from: number;
  to: number;
}

function piecesOf(m: PageMention): Array<[Text, Piece]> {
  return m.nodes.map((node) => [
    node,
    { mention: m, from: node === m.start.node ? m.start.offset : 0, to: node === m.end.node ? m.end.offset : node.data.length },
  ]);
}

export function createMarkPainter(): Painter {
  /** A page text node → the pieces shown in it. */
  const pieces = new Map<Text, Piece[]>();
  /** A page text node → the nodes mark.js made after it. */
  const tails = new Map<Text, Node[]>();
  const marksOf = new WeakMap<PageMention, HTMLElement[]>();
  const mentionOf = new WeakMap<Element, PageMention>();
  /** At most one tab stop per topic: its first mention's first mark. */
  const tabStopOwner = new Map<string, PageMention>();

  function restore(node: Text): void {
    const tail = tails.get(node);
    if (!tail) return;
    tails.delete(node);
    node.data += tail.map((n) => n.textContent ?? '').join('');
    for (const n of tail) n.parentNode?.removeChild(n);
  }

  function decorate(el: HTMLElement, m: PageMention): void {
    el.setAttribute('data-annotation-id', m.head.id);
    el.setAttribute('data-annotation-category', m.head.category);
    if (m.check) el.setAttribute('data-annotation-check', m.check.verdict);
    mentionOf.set(el, m);
    // Marks of a rewrapped node were replaced; those of the mention's other nodes stay.
    const list = (marksOf.get(m) ?? []).filter((x) => x.isConnected);
    list.push(el);
    marksOf.set(m, list);
  }

  /** Every mention's first mark is focusable by the keyboard commands; a Tab stop only for its topic's first. */
  function setTabStop(el: HTMLElement, m: PageMention): void {
    const owner = tabStopOwner.get(m.head.id);
    if (!owner) tabStopOwner.set(m.head.id, m);
    el.tabIndex = !owner || owner === m ? 0 : -1;
  }

  /**
   * (Re)wraps a node's pieces after restoring it. The node is cut once, in one pass, into the text
   * before its first piece, then each piece and the text after it as nodes of their own; mark.js
   * then wraps each piece's node whole. Cutting a long node piece by piece would copy the rest of
   * its text every time (quadratic on a 5 MB text node); this copies it once.
   */
  function wrapNode(node: Text): void {
    restore(node);
    const list = pieces.get(node);
    if (!list?.length || !node.parentNode) return;
    const sorted = [...list].sort((a, b) => a.from - b.from).filter((p, i, all) => i === 0 || p.from >= all[i - 1]!.to);
    const text = node.data;
    const doc = node.ownerDocument;
    const fragment = doc.createDocumentFragment();
    const cut: Array<[Text, Piece]> = [];
    let last: Text | null = null;
    sorted.forEach((p, i) => {
      const piece = doc.createTextNode(text.slice(p.from, p.to));
      last = doc.createTextNode(text.slice(p.to, sorted[i + 1]?.from ?? text.length));
      fragment.append(piece, last);
      cut.push([piece, p]);
    });
    node.data = text.slice(0, sorted[0]!.from);
    node.after(fragment);
    for (const [piece, p] of cut) {
      // mark.js takes a text node as its context: it then sees only that node's text.
      new Mark(piece as unknown as Element).markRanges([{ start: 0, length: piece.data.length }], {
        element: 'mark',
        className: MARK_CLASS,
        each: (el) => {
          decorate(el, p.mention);
          if (node === p.mention.start.node && !p.mention.check) setTabStop(el, p.mention);
        },
      });
    }
    const tail: Node[] = [];
    for (let n = node.nextSibling; n; n = n.nextSibling) {
      tail.push(n);
      if (n === last) break;
    }
    tails.set(node, tail);
  }

  function forget(m: PageMention): void {
    for (const el of marksOf.get(m) ?? []) mentionOf.delete(el);
    marksOf.delete(m);
    if (tabStopOwner.get(m.head.id) === m) tabStopOwner.delete(m.head.id);
  }

  function mentionOfElement(el: Element): PageMention | undefined {
    const mark = el.closest(`mark.${MARK_CLASS}`);
    return mark ? mentionOf.get(mark) : undefined;
  }

  return {
    mode: 'marks',
    paintsInBatches: false,
    add(mentions) {
      const touched = new Set<Text>();
      for (const m of mentions) {
        for (const [node, piece] of piecesOf(m)) {
          if (piece.to <= piece.from) continue;
          const list = pieces.get(node);
          if (list) list.push(piece);
          else pieces.set(node, [piece]);
          touched.add(node);
        }
      }
      for (const node of touched) wrapNode(node);
      // A mention split over several nodes gets its marks in reading order.
      for (const m of mentions) marksOf.get(m)?.sort((a, b) => (a.compareDocumentPosition(b) & DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    },
    remove(mentions) {
      const gone = new Set(mentions);
      const touched = new Set<Text>();
      for (const m of mentions) {
        forget(m);
        for (const node of m.nodes) {
          const list = pieces.get(node);
          if (!list) continue;
          pieces.set(
            node,
            list.filter((p) => !gone.has(p.mention)),
          );
          touched.add(node);
        }
      }
      for (const node of touched) {
        wrapNode(node);
        if (!pieces.get(node)?.length) pieces.delete(node);
      }
    },
    release(nodes) {
      for (const node of nodes) {
        const text = node as Text;
        const tail = tails.get(text);
        if (!tail) continue;
        tails.delete(text);
        for (const n of tail) n.parentNode?.removeChild(n);
        for (const p of pieces.get(text) ?? []) forget(p.mention);
        pieces.delete(text);
      }
    },
    mentionAt: (_x, _y, target) => mentionOfElement(target),
    mentionOf: mentionOfElement,
    rectOf(m) {
      const first = marksOf.get(m)?.[0];
      return first?.isConnected ? first.getBoundingClientRect() : null;
    },
    focus(m) {
      return (m && marksOf.get(m)?.[0]) || null;
    },
    clear() {
      for (const node of [...tails.keys()]) restore(node);
      pieces.clear();
      tabStopOwner.clear();
    },
  };
}
