// Mark mode: each mention wrapped in <mark> elements through mark.js, for reader views, printing
// and screen readers that announce marks, and where CSS.highlights is missing. Loaded only when
// a page is shown in this mode.
//
// The scanner already knows each mention's text nodes and offsets, so mark.js is handed one text
// node at a time with the pieces in it, last piece first: each wrap leaves the text before it in
// the page's own node, so offsets stay valid and the work stays linear in the page's size, with
// no selector matching. What mark.js creates after a page's text node (its "tail": marks and
// remainders) is remembered per node, to restore the DOM node for node, and to step aside when
// the page changes or removes a text node we split (a framework re-rendering).

import Mark from 'mark.js';
import type { PageMention } from '../mentions';
import type { Painter } from '../painter';
import { DOCUMENT_POSITION_FOLLOWING, MARK_CLASS } from '../zones';

interface Piece {
  mention: PageMention;
  from: number;
  to: number;
}

/** Nodes mark.js makes per wrapped piece: the <mark> and the remainder of the text after it. */
const NODES_PER_PIECE = 2;

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

  /** (Re)wraps a node's pieces, last first, after restoring it. */
  function wrapNode(node: Text): void {
    restore(node);
    const list = pieces.get(node);
    if (!list?.length || !node.parentNode) return;
    let wrapped = 0;
    const firstMarks: Array<[HTMLElement, PageMention]> = [];
    for (const p of [...list].sort((a, b) => b.from - a.from)) {
      // mark.js takes a text node as its context: it then sees only that node's text.
      new Mark(node as unknown as Element).markRanges([{ start: p.from, length: p.to - p.from }], {
        element: 'mark',
        className: MARK_CLASS,
        each: (el) => {
          wrapped++;
          decorate(el, p.mention);
          if (node === p.mention.start.node && !p.mention.check) firstMarks.push([el, p.mention]);
        },
      });
    }
    // Wrapped last first; tab stops go in reading order.
    for (const [el, m] of firstMarks.reverse()) setTabStop(el, m);
    const tail: Node[] = [];
    for (let n = node.nextSibling; n && tail.length < wrapped * NODES_PER_PIECE; n = n.nextSibling) tail.push(n);
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
          pieces.set(node, list.filter((p) => !gone.has(p.mention)));
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
