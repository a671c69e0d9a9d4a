// Paints mentions with the CSS Custom Highlight API: one Highlight per category and per claim
// verdict in CSS.highlights, one StaticRange per mention. The page's DOM is never written; the
// ::highlight() rules in content.css give each category its colour.

import type { MentionRegistry, PageMention } from './mentions';
import { FOCUS_HIGHLIGHT, highlightNameOf, within, type Painter } from './painter';
import { TEXT_NODE } from './zones';

type HighlightWindow = Window & typeof globalThis & { Highlight?: typeof Highlight };

/** Checks paint over their category's colour, and the keyboard's place over both. */
const CHECK_PRIORITY = 1;
const FOCUS_PRIORITY = 2;

/** Whether this window can paint highlights (Chromium 105+, Firefox 140+). */
export function canPaintHighlights(win: Window): boolean {
  const w = win as HighlightWindow;
  return typeof w.Highlight === 'function' && typeof w.StaticRange === 'function' && !!w.CSS && 'highlights' in w.CSS;
}

interface Caret {
  node: Node;
  offset: number;
}

function caretAt(doc: Document, x: number, y: number): Caret | null {
  const d = doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

export function createHighlightPainter(doc: Document, registry: MentionRegistry): Painter {
  const win = doc.defaultView as HighlightWindow;
  const registryOf = win.CSS.highlights;
  const ranges = new WeakMap<PageMention, StaticRange>();
  const highlights = new Map<string, Highlight>();
  /** Elements with a mention's text directly inside: hovering anything else costs no hit test. */
  const parents = new Map<Element, number>();
  /**
   * Each painted mention's parents as they were when it was painted (the page may move its text
   * since): one element for the usual mention in one text node, a list only when it spans several.
   */
  const parentsOf = new WeakMap<PageMention, Element | Element[]>();

  function highlight(name: string): Highlight {
    let h = highlights.get(name);
    if (!h) {
      h = new win.Highlight!();
      if (name !== FOCUS_HIGHLIGHT && name.includes('-check-')) h.priority = CHECK_PRIORITY;
      if (name === FOCUS_HIGHLIGHT) h.priority = FOCUS_PRIORITY;
      highlights.set(name, h);
    }
    // Set again if the page deleted it from the registry.
    if (registryOf.get(name) !== h) registryOf.set(name, h);
    return h;
  }

  function rangeOf(m: PageMention): StaticRange {
    let r = ranges.get(m);
    if (!r) {
      r = new win.StaticRange({ startContainer: m.start.node, startOffset: m.start.offset, endContainer: m.end.node, endOffset: m.end.offset });
      ranges.set(m, r);
    }
    return r;
  }

  function track(m: PageMention, by: 1 | -1): void {
    if (by === 1) {
      const only = m.nodes.length === 1 ? m.nodes[0]!.parentElement : null;
      const list = only ? [only] : m.nodes.flatMap((n) => (n.parentElement ? [n.parentElement] : []));
      parentsOf.set(m, list.length === 1 ? list[0]! : list);
    }
    const stored = parentsOf.get(m) ?? [];
    for (const p of Array.isArray(stored) ? stored : [stored]) {
      const next = (parents.get(p) ?? 0) + by;
      if (next > 0) parents.set(p, next);
      else parents.delete(p);
    }
  }

  function liveRange(m: PageMention): Range | null {
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

  return {
    mode: 'highlights',
    paintsInBatches: true,
    add(mentions) {
      // The registry is asked once per highlight, not once per mention: each ask crosses into the page's world.
      let name = '';
      let h: Highlight | null = null;
      for (const m of mentions) {
        const next = highlightNameOf(m);
        if (next !== name || !h) {
          name = next;
          h = highlight(name);
        }
        h.add(rangeOf(m));
        track(m, 1);
      }
    },
    remove(mentions) {
      for (const m of mentions) {
        const r = ranges.get(m);
        if (!r) continue;
        highlights.get(highlightNameOf(m))?.delete(r);
        highlights.get(FOCUS_HIGHLIGHT)?.delete(r);
        track(m, -1);
      }
    },
    release() {
      // Nothing was written to the page; the registry drops the mentions and remove() unpaints them.
    },
    mentionAt(x, y, target) {
      if (!parents.has(target)) return undefined;
      const caret = caretAt(doc, x, y);
      if (!caret || caret.node.nodeType !== TEXT_NODE) return undefined;
      // The caret sits between characters: the mention may begin or end at it. Only mentions
      // touching the caret are laid out, however many the text node holds.
      const node = caret.node as Text;
      for (const m of registry.inNode(node)) {
        const from = m.start.node === node ? m.start.offset : 0;
        const to = m.end.node === node ? m.end.offset : node.length;
        if (caret.offset < from || caret.offset > to) continue;
        const r = liveRange(m);
        if (r && within(r.getClientRects(), x, y)) return m;
      }
      return undefined;
    },
    mentionOf: () => undefined,
    rectOf(m) {
      const r = liveRange(m);
      if (!r) return null;
      const rect = r.getBoundingClientRect();
      return rect.width === 0 && rect.height === 0 ? null : rect;
    },
    focus(m) {
      // Clearing never creates the highlight (it may run after everything was taken down).
      if (!m) highlights.get(FOCUS_HIGHLIGHT)?.clear();
      else {
        const h = highlight(FOCUS_HIGHLIGHT);
        h.clear();
        h.add(rangeOf(m));
      }
      return null;
    },
    clear() {
      for (const [name, h] of highlights) {
        h.clear();
        if (registryOf.get(name) === h) registryOf.delete(name);
      }
      highlights.clear();
      parents.clear();
    },
  };
}
