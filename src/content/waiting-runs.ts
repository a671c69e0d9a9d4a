// The runs of text whose statements wait for the reader (claim-pass.ts), by their block: a block
// read again replaces its runs, a block the page removed is let go, and each is handed over once
// (when the reader comes near it, or when every statement is asked for).

import type { ClaimRun } from './claim-pass';
import type { Reach, ReachWatcher } from './reach';

export class WaitingRuns {
  private readonly byBlock = new Map<Element, ClaimRun[]>();
  private watcher: ReachWatcher | null = null;
  /** The scan waiting for the reach's next report: the runs near the reader now. */
  private awaiting: Array<(near: ClaimRun[]) => void> = [];

  /** `onReached` gets the runs the reader comes near when no scan waits for them. */
  constructor(
    private readonly reach: Reach,
    private readonly onReached: (runs: ClaimRun[]) => void,
  ) {}

  /**
   * Holds a scan's runs until the reader comes near their blocks. Resolves with those near the
   * reader now, at the reach's next report; at once with none if every block was watched already
   * (none of them came near since).
   */
  hold(runs: readonly ClaimRun[]): Promise<ClaimRun[]> {
    const watcher = (this.watcher ??= this.reach((near) => this.reported(near)));
    this.letGoOfRemoved(watcher);
    const read = new Map<Element, ClaimRun[]>();
    for (const r of runs) read.set(r.run.block, [...(read.get(r.run.block) ?? []), r]);
    let fresh = false;
    for (const [block, list] of read) {
      // A block is read whole: what a scan read of it replaces what an earlier one did.
      this.byBlock.set(block, list);
      if (watcher.watch(block)) fresh = true;
    }
    return fresh ? new Promise((resolve) => this.awaiting.push(resolve)) : Promise.resolve([]);
  }

  /** Every run still waiting, handed over now. */
  takeAll(): ClaimRun[] {
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

  private take(block: Element): ClaimRun[] {
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
