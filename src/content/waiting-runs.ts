// The runs of text whose statements wait for the reader (claim-pass.ts), by their block: a block
// read again replaces its runs, a block the page removed is let go, and each is handed over once
// (when the reader comes near it, or when every statement is asked for). A waiting run keeps
// where its text is, not the text nor its mentions: the page keeps the one and the registry the
// other (kept in step with the page's changes), and a big page waits with thousands of runs.

import type { TopicHead } from '../core/corpus-types';
import type { Mention } from '../core/matcher';
import type { ClaimRun } from './claim-pass';
import type { MentionRegistry } from './mentions';
import type { Reach, ReachWatcher } from './reach';
import type { RunPlace, TextRun } from './text-runs';

export interface HeldRun {
  block: Element;
  place: RunPlace;
  /** The run's own lists (the walk is done with them). */
  nodes: Text[];
  starts: number[];
  length: number;
  /** Names found but not shown: few, and not in the registry. */
  others: Mention[];
}

const held = ({ run, others }: ClaimRun): HeldRun => ({
  block: run.block,
  place: run.place,
  nodes: run.nodes,
  starts: run.starts,
  length: run.text.length,
  others,
});

/**
 * The run as the page holds it now, its mentions those of the registry still shown on it; null
 * if the page removed its text or changed its length (a rescan reads it again).
 */
export function reread(h: HeldRun, shown: Pick<MentionRegistry, 'inNode'>, topics: readonly TopicHead[]): ClaimRun | null {
  const ends = (i: number) => h.starts[i + 1] ?? h.length;
  if (!h.nodes.every((n, i) => n.isConnected && n.data.length === ends(i) - h.starts[i]!)) return null;
  const text = h.nodes.length === 1 ? h.nodes[0]!.data : h.nodes.map((n) => n.data).join('');
  const run: TextRun = { block: h.block, place: h.place, text, nodes: h.nodes, starts: h.starts };
  const onRun = new Set(h.nodes.flatMap((n) => shown.inNode(n) ?? []).filter((m) => !m.check && m.place === h.place));
  const mentions = [...onRun].map((m) => {
    const start = m.runOffset ?? 0;
    return { start, end: start + m.text.length, topic: topics.indexOf(m.head), alias: m.alias, rule: m.rule };
  });
  return { run, mentions: mentions.sort((a, b) => a.start - b.start), others: h.others };
}

export class WaitingRuns {
  private readonly byBlock = new Map<Element, HeldRun[]>();
  private watcher: ReachWatcher | null = null;
  /** The scan waiting for the reach's next report: the runs near the reader now. */
  private awaiting: Array<(near: HeldRun[]) => void> = [];

  /** `onReached` gets the runs the reader comes near when no scan waits for them. */
  constructor(
    private readonly reach: Reach,
    private readonly onReached: (runs: HeldRun[]) => void,
  ) {}

  /**
   * Holds a scan's runs until the reader comes near their blocks. Resolves with those near the
   * reader now, at the reach's next report; at once with none if every block was watched already
   * (none of them came near since).
   */
  hold(runs: readonly ClaimRun[]): Promise<HeldRun[]> {
    const watcher = (this.watcher ??= this.reach((near) => this.reported(near)));
    this.letGoOfRemoved(watcher);
    const read = new Map<Element, HeldRun[]>();
    for (const r of runs) read.set(r.run.block, [...(read.get(r.run.block) ?? []), held(r)]);
    let fresh = false;
    for (const [block, list] of read) {
      // A block is read whole: what a scan read of it replaces what an earlier one did.
      this.byBlock.set(block, list);
      if (watcher.watch(block)) fresh = true;
    }
    return fresh ? new Promise((resolve) => this.awaiting.push(resolve)) : Promise.resolve([]);
  }

  /** Every run still waiting, handed over now. */
  takeAll(): HeldRun[] {
    return [...this.byBlock.keys()].flatMap((b) => this.take(b));
  }

  /** Drops every run and stops watching for the reader. */
  reset(): void {
    this.watcher?.stop();
    this.watcher = null;
    this.byBlock.clear();
    for (const resolve of this.awaiting.splice(0)) resolve([]);
  }

  private reported(near: Element[]): void {
    const runs = near.flatMap((b) => this.take(b));
    const [scan, ...others] = this.awaiting.splice(0);
    if (scan) scan(runs);
    else if (runs.length) this.onReached(runs);
    for (const resolve of others) resolve([]);
  }

  private take(block: Element): HeldRun[] {
    const runs = this.byBlock.get(block) ?? [];
    this.byBlock.delete(block);
    return runs;
  }

  /** A feed drops old items, a widget renders new blocks: what the page removed isn't kept for its life. */
  private letGoOfRemoved(watcher: ReachWatcher): void {
    for (const block of this.byBlock.keys()) {
      if (block.isConnected) continue;
      this.byBlock.delete(block);
      watcher.unwatch(block);
    }
  }
}
