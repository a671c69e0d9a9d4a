// What a change the page made takes away from what is shown.

import type { MentionRegistry, PageMention } from './mentions';
import type { Painter } from './painter';
import { TEXT_NODE } from './zones';

/**
 * The mentions on text nodes the page changed, in a mark whose text it edited, or on nodes it
 * removed (`stale`: what the page watcher reported); and the changed text nodes themselves.
 */
export function staleMentions(stale: readonly Node[], registry: MentionRegistry, painter: Painter): { changedText: Text[]; gone: Set<PageMention> } {
  const changedText = stale.filter((n): n is Text => n.nodeType === TEXT_NODE);
  const gone = new Set(changedText.flatMap((n) => registry.inNode(n)));
  // Text changed inside one of our marks (a page editing what it sees): that mark's mention goes.
  for (const n of changedText) {
    const inMark = n.parentElement ? painter.mentionOf(n.parentElement) : undefined;
    if (inMark) gone.add(inMark);
  }
  if (stale.some((n) => n.nodeType !== TEXT_NODE)) for (const m of registry.disconnected()) gone.add(m);
  return { changedText, gone };
}
