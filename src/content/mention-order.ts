// Moving through the page's mentions in reading order (the keyboard's next-mention command).

import type { MentionRegistry, PageMention } from './mentions';
import { DOCUMENT_POSITION_FOLLOWING } from './zones';

/**
 * The topic's (or any topic's) next mention in reading order after `after` (a mention, or an
 * element such as where focus is), cycling; the first without `after`.
 */
export function nextMention(registry: MentionRegistry, topicId: string | null, after: PageMention | Element | null): PageMention | undefined {
  const list = registry.ordered(topicId);
  if (!after) return list[0];
  if (!('head' in after)) {
    const follows = (m: PageMention) => (after.compareDocumentPosition(m.start.node) & DOCUMENT_POSITION_FOLLOWING) !== 0;
    return list.find(follows) ?? list[0];
  }
  const at = list.indexOf(after);
  if (at >= 0) return list[at + 1] ?? list[0];
  const all = registry.ordered();
  const from = all.indexOf(after);
  return (from >= 0 ? all.slice(from + 1).find((m) => list.includes(m)) : undefined) ?? list[0];
}
