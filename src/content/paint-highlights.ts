// Paints mentions with the CSS Custom Highlight API: one Highlight per category and per claim
// verdict in CSS.highlights, one StaticRange per mention. The page's DOM is never written; the
// ::highlight() rules in content.css give each category its colour. The Highlight objects are
// named-highlights.ts's; finding the mention under the pointer is highlight-hits.ts's.

import { createTextParents, liveRange, mentionUnder } from './highlight-hits';
import type { MentionRegistry, PageMention } from './mentions';
import { createNamedHighlights, type HighlightWindow } from './named-highlights';
import { highlightNameOf, type Painter } from './painter';

/** Whether this window can paint highlights (Chromium 105+, Firefox 140+). */
export function canPaintHighlights(win: Window): boolean {
  const w = win as HighlightWindow;
  return typeof w.Highlight === 'function' && typeof w.StaticRange === 'function' && !!w.CSS && 'highlights' in w.CSS;
}

export function createHighlightPainter(doc: Document, registry: MentionRegistry): Painter {
  const win = doc.defaultView as HighlightWindow;
  const highlights = createNamedHighlights(win);
  const parents = createTextParents();

  function rangeOf(m: PageMention): StaticRange {
    m.range ??= new win.StaticRange({ startContainer: m.start.node, startOffset: m.start.offset, endContainer: m.end.node, endOffset: m.end.offset });
    return m.range;
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
          h = highlights.get(name);
        }
        h.add(rangeOf(m));
        parents.add(m);
      }
    },
    remove(mentions) {
      for (const m of mentions) {
        const r = m.range;
        if (!r) continue;
        highlights.take(highlightNameOf(m), r);
        parents.remove(m);
      }
    },
    release() {
      // Nothing was written to the page; the registry drops the mentions and remove() unpaints them.
    },
    mentionAt: (x, y, target) => (parents.has(target) ? mentionUnder(doc, registry, x, y) : undefined),
    mentionOf: () => undefined,
    rectOf(m) {
      const r = liveRange(doc, m);
      if (!r) return null;
      const rect = r.getBoundingClientRect();
      return rect.width === 0 && rect.height === 0 ? null : rect;
    },
    focus(m) {
      highlights.focusOn(m ? rangeOf(m) : null);
      return null;
    },
    clear() {
      highlights.clear();
      parents.clear();
    },
  };
}
