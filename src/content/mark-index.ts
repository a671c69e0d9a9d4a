// Mark mode's lookups, kept apart from the DOM work of wrapping: which mention a <mark> shows, a
// mention's marks in reading order (the first is where its tooltip stands and focus goes), and
// which mark is its topic's one Tab stop. Loaded only with lazy/marks.ts.

import type { PageMention } from './mentions';
import { DOCUMENT_POSITION_FOLLOWING } from './zones';

export interface MarkIndex {
  /** Records a mark made for a mention; `inFirstNode`: it is in the mention's first text node. */
  add(mark: HTMLElement, m: PageMention, inFirstNode: boolean): void;
  /** Puts each mention's marks in reading order (a mention split over several nodes is wrapped node by node). */
  order(mentions: readonly PageMention[]): void;
  forget(m: PageMention): void;
  /** The mention an element inside one of its marks belongs to. */
  mentionOf(el: Element): PageMention | undefined;
  /** A mention's first mark, in reading order. */
  first(m: PageMention): HTMLElement | undefined;
  /** Every mark was unwrapped: no topic has a Tab stop any more. */
  clearTabStops(): void;
}

export function createMarkIndex(markSelector: string): MarkIndex {
  const marksOf = new WeakMap<PageMention, HTMLElement[]>();
  const mentionOfMark = new WeakMap<Element, PageMention>();
  /** At most one tab stop per topic: its first mention's first mark. */
  const tabStopOwner = new Map<string, PageMention>();

  /** Every mention's first mark is focusable by the keyboard commands; a Tab stop only for its topic's first. */
  function setTabStop(el: HTMLElement, m: PageMention): void {
    const owner = tabStopOwner.get(m.head.id);
    if (!owner) tabStopOwner.set(m.head.id, m);
    el.tabIndex = !owner || owner === m ? 0 : -1;
  }

  return {
    add(mark, m, inFirstNode) {
      mentionOfMark.set(mark, m);
      // Marks of a rewrapped node were replaced; those of the mention's other nodes stay.
      const list = (marksOf.get(m) ?? []).filter((x) => x.isConnected);
      list.push(mark);
      marksOf.set(m, list);
      if (inFirstNode && !m.check) setTabStop(mark, m);
    },
    order(mentions) {
      for (const m of mentions) marksOf.get(m)?.sort((a, b) => (a.compareDocumentPosition(b) & DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    },
    forget(m) {
      for (const el of marksOf.get(m) ?? []) mentionOfMark.delete(el);
      marksOf.delete(m);
      if (tabStopOwner.get(m.head.id) === m) tabStopOwner.delete(m.head.id);
    },
    mentionOf(el) {
      const mark = el.closest(markSelector);
      return mark ? mentionOfMark.get(mark) : undefined;
    },
    first: (m) => marksOf.get(m)?.[0],
    clearTabStops: () => tabStopOwner.clear(),
  };
}
