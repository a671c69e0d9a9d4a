// Mark mode's DOM work: each page text node with mentions cut once into pieces, mark.js wrapping
// each piece, and the node restored as it was. The scanner already knows each mention's text
// nodes and offsets, so no selector is matched and no text is searched: the work stays linear in
// the page's size. What is created after a page's text node (its "tail": pieces, marks, the text
// between them) is remembered per node, to restore the DOM node for node, and to step aside when
// the page changes or removes a text node we cut (a framework re-rendering). Loaded only with
// lazy/marks.ts.

import Mark from 'mark.js';
import type { PageMention } from './mentions';
import { MARK_CLASS } from './zones';

/** The part of a mention inside one of its text nodes. */
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

/** Called for each mark made; `inFirstNode`: it is in the mention's first text node. */
export type OnMark = (mark: HTMLElement, mention: PageMention, inFirstNode: boolean) => void;

export interface WrappedNodes {
  /** Adds the mentions' pieces to their text nodes and wraps each node touched, once. */
  show(mentions: readonly PageMention[]): void;
  /** Takes the mentions' pieces out and wraps each node touched again: restored when none is left. */
  hide(mentions: readonly PageMention[]): void;
  /** The page changed or removed this node: what was made after it goes, nothing is restored. The mentions that were shown in it. */
  release(node: Text): PageMention[];
  /** Restores every node cut, as it was. */
  restoreAll(): void;
}

/** Checks first among pieces that start together: a statement's value may begin a name. */
const byStart = (a: Piece, b: Piece) => a.from - b.from || Number(!a.mention.check) - Number(!b.mention.check);

/**
 * The pieces to wrap, in text order; a piece overlapping the one before cannot be wrapped too,
 * except a name a check's value sits in ("eight Russian diplomats", its count judged): the check
 * keeps its words, the name is marked for the rest.
 */
function wrappable(list: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of [...list].sort(byStart)) {
    const prev = out[out.length - 1];
    if (!prev || p.from >= prev.to) out.push(p);
    else if (prev.mention.check && !p.mention.check && p.to > prev.to) out.push({ ...p, from: prev.to });
  }
  return out;
}

/**
 * Cuts a node in one pass into the text before its first piece, then each piece and the text
 * after it as nodes of their own. Cutting a long node piece by piece would copy the rest of its
 * text every time (quadratic on a 5 MB text node); this copies it once. Returns each piece's new
 * node and the last node made.
 */
function cut(node: Text, sorted: readonly Piece[]): { cuts: Array<[Text, Piece]>; last: Text } {
  const text = node.data;
  const doc = node.ownerDocument;
  const fragment = doc.createDocumentFragment();
  const cuts: Array<[Text, Piece]> = [];
  let last = node;
  sorted.forEach((p, i) => {
    const piece = doc.createTextNode(text.slice(p.from, p.to));
    last = doc.createTextNode(text.slice(p.to, sorted[i + 1]?.from ?? text.length));
    fragment.append(piece, last);
    cuts.push([piece, p]);
  });
  node.data = text.slice(0, sorted[0]!.from);
  node.after(fragment);
  return { cuts, last };
}

/** Wraps a whole text node in marks (mark.js takes a text node as its context: it then sees only that node's text). */
function markWhole(piece: Text, each: (mark: HTMLElement) => void): void {
  new Mark(piece as unknown as Element).markRanges([{ start: 0, length: piece.data.length }], { element: 'mark', className: MARK_CLASS, each });
}

/** The nodes after `node` up to `last`, as they are once wrapped. */
function nodesUpTo(node: Text, last: Node): Node[] {
  const tail: Node[] = [];
  for (let n = node.nextSibling; n; n = n.nextSibling) {
    tail.push(n);
    if (n === last) break;
  }
  return tail;
}

export function createWrappedNodes(onMark: OnMark): WrappedNodes {
  /** A page text node → the pieces shown in it. */
  const pieces = new Map<Text, Piece[]>();
  /** A page text node → the nodes made after it. */
  const tails = new Map<Text, Node[]>();

  function restore(node: Text): void {
    const tail = tails.get(node);
    if (!tail) return;
    tails.delete(node);
    node.data += tail.map((n) => n.textContent ?? '').join('');
    for (const n of tail) n.parentNode?.removeChild(n);
  }

  /** (Re)wraps a node's pieces after restoring it. */
  function wrap(node: Text): void {
    restore(node);
    const list = pieces.get(node);
    if (!list?.length || !node.parentNode) return;
    const { cuts, last } = cut(node, wrappable(list));
    for (const [piece, p] of cuts) markWhole(piece, (mark) => onMark(mark, p.mention, node === p.mention.start.node));
    tails.set(node, nodesUpTo(node, last));
  }

  return {
    show(mentions) {
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
      for (const node of touched) wrap(node);
    },
    hide(mentions) {
      const gone = new Set(mentions);
      const touched = new Set<Text>();
      for (const m of mentions) {
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
        wrap(node);
        if (!pieces.get(node)?.length) pieces.delete(node);
      }
    },
    release(node) {
      const tail = tails.get(node);
      if (!tail) return [];
      tails.delete(node);
      for (const n of tail) n.parentNode?.removeChild(n);
      const shown = (pieces.get(node) ?? []).map((p) => p.mention);
      pieces.delete(node);
      return shown;
    },
    restoreAll() {
      for (const node of [...tails.keys()]) restore(node);
      pieces.clear();
    },
  };
}
