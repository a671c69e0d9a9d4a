// What a page's annotation accumulates between two clears (a settings change, a new corpus): each
// clear starts a new session, and work begun in an earlier one finds its generation stale.

import type { PageMention } from './mentions';

export class ScanSession {
  /** Subtrees skipped for being nested beyond any page's need. */
  skipped = 0;
  /** Mentions found but not shown: the painter's limit was reached (Painter.limit). */
  unshown = 0;

  constructor(readonly generation = 0) {}

  /** The session after a clear. */
  next(): ScanSession {
    return new ScanSession(this.generation + 1);
  }

  /**
   * Those of `found` (in reading order from where the reader is) that fit under `limit` with
   * `shown` shown already; the rest are counted as unshown.
   */
  admit(found: PageMention[], shown: number, limit: number): PageMention[] {
    const room = Math.max(0, limit - shown);
    if (found.length <= room) return found;
    this.unshown += found.length - room;
    return found.slice(0, room);
  }
}
