// What a page shows, as the settings say: the paint mode and, per category, whether it is on.

import type { Category, TopicIndex } from '../core/corpus-types';
import { isCategoryOn, type Settings } from '../core/settings';
import { canPaintHighlights } from './paint-highlights';
import type { PaintMode } from './painter';

export const modeFor = (win: Window, s: Settings): PaintMode => (s.paintMode === 'marks' || !canPaintHighlights(win) ? 'marks' : 'highlights');

/** Whether two settings show the page the same way (nothing to scan or paint again). */
export function sameView(win: Window, index: TopicIndex, a: Settings | null, b: Settings): boolean {
  if (!a || a.mentionMode !== b.mentionMode || modeFor(win, a) !== modeFor(win, b)) return false;
  return index.categories.every((c) => isCategoryOn(a, c.id) === isCategoryOn(b, c.id));
}

export function categoryMap(index: TopicIndex): Map<string, Category> {
  return new Map(index.categories.map((c) => [c.id, c]));
}
