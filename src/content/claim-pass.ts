// The claim checks of one page: the checker loads (once) while a scan walks the page, and the
// runs that may hold statements about claimed facts are checked a slice at a time once the walk
// is done, so the walk's last batch and the verdicts are painted in one frame. With a Reach
// (highlight mode in a browser), runs wait instead until the reader comes near them.

import type { checkClaims } from '../core/claims';
import type { TopicIndex } from '../core/corpus-types';
import type { Mention } from '../core/matcher';
import type { PageMention } from './mentions';
import type { MentionFields } from './page-mention';
import type { LazyModules } from './modules';
import type { Reach, ReachWatcher } from './reach';
import type { Slicer } from './slices';
import type { TextRun } from './text-runs';

type CheckClaims = typeof checkClaims;

/** A run whose mentions include topics with checkable claims, kept for the claim pass. */
export interface ClaimRun {
  run: TextRun;
  mentions: Mention[];
  /** Names found in the run but not shown (held back, switched off): not statements either. */
  others: Mention[];
}

/** Makes the mention shown for a stretch of a run (the annotator's). */
export type ToMention = (run: TextRun, start: number, end: number, topic: number, fields: MentionFields) => PageMention;

/** Topics whose mention may make a sentence about an unnamed event (TopicIndex.claimEvents), per corpus. */
const partnersOf = new WeakMap<TopicIndex, Set<number>>();

function partners(index: TopicIndex): Set<number> {
  let set = partnersOf.get(index);
  if (!set) partnersOf.set(index, (set = new Set((index.claimEvents ?? []).flatMap((e) => e.with))));
  return set;
}

/** Whether a run whose shown mentions are these may state a claimed fact. */
export function mayHoldStatements(index: TopicIndex, mentions: readonly Mention[]): boolean {
  return mentions.some((m) => index.claims[m.topic]?.length || partners(index).has(m.topic));
}

/** Whether the page left a run's text as it was read: its nodes in place, each holding its part. */
export function runUnchanged({ text, nodes, starts }: TextRun): boolean {
  return nodes.every((n, i) => n.isConnected && n.data === text.slice(starts[i], starts[i + 1] ?? text.length));
}

export class ClaimPass {
  private checker: CheckClaims | null = null;
  private loading: Promise<void> | null = null;
  /** Runs waiting for the reader, by their block; a block read again replaces its runs. */
  private readonly waiting = new Map<Element, ClaimRun[]>();
  private watcher: ReachWatcher | null = null;
  /** Scans waiting for the reach's next report: the runs near the reader now. */
  private awaitingReport: Array<(near: ClaimRun[]) => void> = [];

  /**
   * `reach`: where the reader is (null: every run is checked when its scan ends); `onReached`
   * gets the runs the reader came near.
   */
  constructor(
    private readonly modules: Pick<LazyModules, 'claims'>,
    private readonly slicer: Slicer,
    private readonly reach: Reach | null = null,
    private readonly onReached: (runs: ClaimRun[]) => void = () => undefined,
  ) {}

  /** Starts loading the checker (once): while the walk goes on, so it is there when the walk is done. */
  load(): void {
    this.loading ??= this.modules
      .claims()
      .then((m) => {
        this.checker = m.checkClaims;
      })
      .catch(() => {
        // Asked again by the next scan: one failed load doesn't turn checks off for the page's life.
        this.loading = null;
      });
  }

  /**
   * Holds runs until the reader comes near their blocks. Resolves with those near the reader
   * already, at the reach's first report (so the scan shows them with its last batch: one frame);
   * the rest go to `onReached` as the reader comes near. Null (nothing held) without a reach. A
   * run of text read again (the page changed its block) replaces the one waiting for that text.
   */
  defer(runs: readonly ClaimRun[]): Promise<ClaimRun[]> | null {
    if (!this.reach) return null;
    this.watcher ??= this.reach((near) => this.reported(near.flatMap((b) => this.take(b))));
    const report = new Promise<ClaimRun[]>((resolve) => this.awaitingReport.push(resolve));
    for (const r of runs) {
      const first = r.run.nodes[0];
      const list = (this.waiting.get(r.run.block) ?? []).filter((w) => w.run.nodes[0] !== first);
      this.waiting.set(r.run.block, [...list, r]);
      this.watcher.watch(r.run.block);
    }
    return report;
  }

  private reported(near: ClaimRun[]): void {
    const [first, ...others] = this.awaitingReport.splice(0);
    if (!first) {
      if (near.length) this.onReached(near);
      return;
    }
    first(near);
    for (const resolve of others) resolve([]);
  }

  /** Every run still waiting, handed over now (the page report lists every statement). */
  takeWaiting(): ClaimRun[] {
    return [...this.waiting.keys()].flatMap((b) => this.take(b));
  }

  /** Drops the runs waiting and stops watching for the reader (the annotator cleared the page). */
  reset(): void {
    this.watcher?.stop();
    this.watcher = null;
    this.waiting.clear();
    for (const resolve of this.awaitingReport.splice(0)) resolve([]);
  }

  private take(block: Element): ClaimRun[] {
    const runs = this.waiting.get(block) ?? [];
    this.waiting.delete(block);
    return runs;
  }

  /**
   * A scan's statements, checked a slice at a time: with a reach, where the text stays as read
   * (`mayWait`), those near the reader now, the rest waiting for the reader; otherwise all.
   */
  async ofScan(
    runs: readonly ClaimRun[],
    mayWait: boolean,
    index: TopicIndex,
    toMention: ToMention,
    current: () => boolean,
  ): Promise<PageMention[] | null> {
    const near = runs.length && mayWait ? await this.defer(runs) : null;
    return near ? this.checkAsRead(near, index, toMention, current) : this.check(runs, index, toMention, current);
  }

  /** Runs that waited, checked where the page left their text as it was read (the rest it rescans). */
  checkAsRead(runs: readonly ClaimRun[], index: TopicIndex, toMention: ToMention, current: () => boolean): Promise<PageMention[] | null> {
    return this.check(
      runs.filter((r) => runUnchanged(r.run)),
      index,
      toMention,
      current,
    );
  }

  /**
   * The runs' statements about claimed facts, checked against the sources, a slice at a time;
   * null if the scan was cancelled (`current()` false once the checker is there, or the slicer
   * cancelled meanwhile).
   */
  async check(runs: readonly ClaimRun[], index: TopicIndex, toMention: ToMention, current: () => boolean): Promise<PageMention[] | null> {
    if (!runs.length) return [];
    this.load();
    await this.loading;
    // Cleared while the checker loaded: the runs' topics may be another corpus's.
    if (!current()) return null;
    const check = this.checker;
    if (!check) return [];
    const checks: PageMention[] = [];
    let next = 0;
    const step = () => {
      const claimRun = runs[next++];
      if (claimRun) checks.push(...checksOf(check, claimRun, index, toMention));
      return next < runs.length;
    };
    return (await this.slicer.run(step)) ? checks : null;
  }
}

function checksOf(check: CheckClaims, { run, mentions, others }: ClaimRun, index: TopicIndex, toMention: ToMention): PageMention[] {
  if (!run.nodes.every((n) => n.isConnected)) return [];
  return check(run.text, mentions, index.claims, index.claimEvents, others).map((c) =>
    toMention(run, c.start, c.end, c.topic, {
      alias: c.stated,
      rule: 'alias',
      check: { verdict: c.verdict, claims: c.claims, stated: c.stated, sentence: c.sentence },
    }),
  );
}
