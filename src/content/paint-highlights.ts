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

/**
 * Ranges shown at once, at most. Any change to any highlight (a batch painted, a claim check, the
 * keyboard's place) makes Chromium revalidate every range registered before its next paint: about
 * 5 µs a range in its PrePaint (Chromium 156, measured on the bench's 5 MB page: 1,000 ranges
 * 4 ms, 5,000 ranges 22–28, 10,000 ranges 47–52, 20,000 ranges 100–110), so a page with 13,000
 * mentions got a 65 ms frame each time the reader moved to the next one. At this many, a change
 * costs ~20 ms of PrePaint: every frame stays well under 50 ms.
 */
export const HIGHLIGHT_LIMIT = 4_000;

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
    limit: HIGHLIGHT_LIMIT,
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
