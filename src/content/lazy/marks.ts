// Mark mode: each mention wrapped in <mark> elements through mark.js, for reader views, printing
// and screen readers that announce marks, and where CSS.highlights is missing. Loaded only when
// a page is shown in this mode. Cutting and wrapping the page's text nodes is mark-wrap.ts's
// job; finding a mark's mention, a mention's marks and the Tab stops is mark-index.ts's.

import { createMarkIndex } from '../mark-index';
import { createWrappedNodes } from '../mark-wrap';
import type { PageMention } from '../mentions';
import type { Painter } from '../painter';
import { MARK_CLASS } from '../zones';

/** The page contract's attributes on each mark. */
function label(mark: HTMLElement, m: PageMention): void {
  mark.setAttribute('data-annotation-id', m.head.id);
  mark.setAttribute('data-annotation-category', m.head.category);
  if (m.check) mark.setAttribute('data-annotation-check', m.check.verdict);
}

export function createMarkPainter(): Painter {
  const index = createMarkIndex(`mark.${MARK_CLASS}`);
  const wrapped = createWrappedNodes((mark, m, inFirstNode) => {
    label(mark, m);
    index.add(mark, m, inFirstNode);
  });

  return {
    mode: 'marks',
    paintsInBatches: false,
    // Marks cost the page once, when written: nothing grows with how many there are.
    limit: Number.POSITIVE_INFINITY,
    add(mentions) {
      wrapped.show(mentions);
      index.order(mentions);
    },
    remove(mentions) {
      for (const m of mentions) index.forget(m);
      wrapped.hide(mentions);
    },
    release(nodes) {
      for (const node of nodes) for (const m of wrapped.release(node as Text)) index.forget(m);
    },
    mentionAt: (_x, _y, target) => index.mentionOf(target),
    mentionOf: (el) => index.mentionOf(el),
    rectOf(m) {
      const first = index.first(m);
      return first?.isConnected ? first.getBoundingClientRect() : null;
    },
    focus(m) {
      return (m && index.first(m)) || null;
    },
    clear() {
      wrapped.restoreAll();
      index.clearTabStops();
    },
  };
}
