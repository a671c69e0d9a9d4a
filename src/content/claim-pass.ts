// The claim checks of one page: the checker loads (once) while a scan walks the page, and the
// runs that may hold statements about claimed facts are checked a slice at a time once the walk
// is done, so the walk's last batch and the verdicts are painted in one frame.

import type { ClaimCheck, checkClaims } from '../core/claims';
import type { TopicIndex } from '../core/corpus-types';
import type { Mention } from '../core/matcher';
import type { PageMention } from './mentions';
import type { LazyModules } from './modules';
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

/** The mention a checked statement is shown as. */
export type StatementMention = (run: TextRun, check: ClaimCheck) => PageMention;

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

export class ClaimPass {
  private checker: CheckClaims | null = null;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly modules: Pick<LazyModules, 'claims'>,
    private readonly slicer: Slicer,
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
   * The runs' statements about claimed facts, checked against the sources, a slice at a time;
   * null if the scan was cancelled (`current()` false once the checker is there, or the slicer
   * cancelled meanwhile).
   */
  async check(runs: readonly ClaimRun[], index: TopicIndex, toMention: StatementMention, current: () => boolean): Promise<PageMention[] | null> {
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

function checksOf(check: CheckClaims, { run, mentions, others }: ClaimRun, index: TopicIndex, toMention: StatementMention): PageMention[] {
  if (!run.nodes.every((n) => n.isConnected)) return [];
  return check(run.text, mentions, index.claims, index.claimEvents, others).map((c) => toMention(run, c));
}
