// What a page shows, as the settings say: the paint mode and, per category, whether it is on;
// and, in mark mode, which of its mentions a block read again holds.

import type { Category, TopicIndex } from '../core/corpus-types';
import { isCategoryOn, type Settings } from '../core/settings';
import { canPaintHighlights } from './paint-highlights';
import type { MentionRegistry, PageMention } from './mentions';
import type { PaintMode } from './painter';
import { MARK_CLASS } from './zones';

export const modeFor = (win: Window, s: Settings): PaintMode => (s.paintMode === 'marks' || !canPaintHighlights(win) ? 'marks' : 'highlights');

/** Whether two settings show the page the same way (nothing to scan or paint again). */
export function sameView(win: Window, index: TopicIndex, a: Settings | null, b: Settings): boolean {
  if (!a || a.mentionMode !== b.mentionMode || modeFor(win, a) !== modeFor(win, b)) return false;
  return index.categories.every((c) => isCategoryOn(a, c.id) === isCategoryOn(b, c.id));
}

export function categoryMap(index: TopicIndex): Map<string, Category> {
  return new Map(index.categories.map((c) => [c.id, c]));
}

/** The mentions shown as marks inside roots (mark mode): a block read again first gets its own text back. */
export function markedIn(roots: readonly Element[], registry: MentionRegistry): PageMention[] {
  const marked = roots.filter((r) => r.querySelector(`mark.${MARK_CLASS}`));
  return marked.length ? registry.all().filter((m) => marked.some((r) => r.contains(m.start.node))) : [];
}
