// What a page's annotation accumulates between two clears (a settings change, a new corpus): each
// clear starts a new session, and work begun in an earlier one finds its generation stale.

import type { PageMention } from './mentions';

export class ScanSession {
  /** Subtrees skipped for being nested beyond any page's need. */
  skipped = 0;
  /**
   * Mentions found but not shown (the painter's limit was reached), by the text node each starts
   * in: a block the page changes is read again, and its mentions must not count twice.
   */
  private readonly left = new Map<Node, number>();
  private leftTotal = 0;

  constructor(readonly generation = 0) {}

  /** Mentions found but not shown, in the text the page holds now (asked by the popup: rare). */
  get unshown(): number {
    this.reread([]);
    return this.leftTotal;
  }

  /** The session after a clear. */
  next(): ScanSession {
    return new ScanSession(this.generation + 1);
  }

  /** These roots are about to be read again (or the page removed some text): what was left out there is forgotten. */
  reread(roots: readonly Node[]): void {
    for (const [node, n] of this.left) {
      if (node.isConnected && !roots.some((r) => r.contains(node))) continue;
      this.left.delete(node);
      this.leftTotal -= n;
    }
  }

  /**
   * Those of `found` (in reading order from where the reader is) that fit under `limit` with
   * `shown` shown already; the rest are counted as left out.
   */
  admit(found: PageMention[], shown: number, limit: number): PageMention[] {
    const room = Math.max(0, limit - shown);
    if (found.length <= room) return found;
    for (const m of found.slice(room)) this.left.set(m.start.node, (this.left.get(m.start.node) ?? 0) + 1);
    this.leftTotal += found.length - room;
    return found.slice(0, room);
  }
}
