// The claim checks of one page: once a scan's walk is done, the runs that may hold statements
// about claimed facts are checked by the extension's background (claims-request.ts), and their
// verdicts made into mentions a slice at a time, painted in one frame with the walk's last batch.
// With a Reach (highlight mode in a browser), runs wait instead until the reader comes near them
// (waiting-runs.ts).

import { ownActPattern } from '../core/claim-events';
import type { ClaimCheck } from '../core/claims';
import type { ClaimChecker, ClaimInput } from '../core/claims-request';
import type { TopicIndex } from '../core/corpus-types';
import type { Mention } from '../core/matcher';
import type { MentionRegistry, PageMention } from './mentions';
import type { MentionFields } from './page-mention';
import type { Reach } from './reach';
import type { Slicer } from './slices';
import type { RunPlace, TextRun } from './text-runs';
import { type HeldRun, reread, WaitingRuns } from './waiting-runs';

export type { HeldRun };

/** Text asked about in one request: a page's statements go in a few messages, not one per run or one huge one. */
export const REQUEST_CHARS = 65_536;

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

/**
 * Whether a run whose shown mentions are these may state a claimed fact: it names a topic with
 * claims or a partner of an unnamed event, or (`text`, the run's) it names any topic and holds an
 * act naming its own subject ("Japan to expel 11 Russian diplomats and increase sanctions"). Only
 * runs with a mention are asked, so a page pays one test of a few phrases per such run.
 */
export function mayHoldStatements(index: TopicIndex, mentions: readonly Mention[], text = ''): boolean {
  if (mentions.some((m) => index.claims[m.topic]?.length || partners(index).has(m.topic))) return true;
  if (mentions.length === 0 || !text || !index.claimEvents) return false;
  const acts = ownActPattern(index.claimEvents);
  if (!acts) return false;
  acts.lastIndex = 0;
  return acts.test(text);
}

/**
 * Checks not shown already at the same place: a statement handed over twice (the reader coming
 * near it, or the popup's survey, racing a rescan of its block) is shown once.
 */
export function notShownYet(checks: readonly PageMention[], shown: Pick<MentionRegistry, 'inNode'>): PageMention[] {
  const same = (a: PageMention, b: PageMention) =>
    !!a.check && a.start.offset === b.start.offset && a.end.node === b.end.node && a.end.offset === b.end.offset;
  return checks.filter((c) => !(shown.inNode(c.start.node) ?? []).some((m) => same(m, c)));
}

/** Runs waiting for the reader: where the reader is, who is told when they come near, and what is shown (the mentions). */
export interface Waiting {
  reach: Reach;
  onReached: (runs: HeldRun[]) => void;
  shown: Pick<MentionRegistry, 'inNode'>;
}

export class ClaimPass {
  /** Runs waiting for the reader (with a reach). */
  private readonly waiting: WaitingRuns | null;
  private readonly shown: Pick<MentionRegistry, 'inNode'> | null;

  /** Without `waiting`, every run is checked when its scan ends. */
  constructor(
    private readonly checker: ClaimChecker,
    private readonly slicer: Slicer,
    waiting: Waiting | null = null,
  ) {
    this.waiting = waiting ? new WaitingRuns(waiting.reach, waiting.onReached) : null;
    this.shown = waiting?.shown ?? null;
  }

  /** Every run still waiting for the reader, handed over now (the page report lists every statement). */
  takeWaiting(): HeldRun[] {
    return this.waiting?.takeAll() ?? [];
  }

  /** Drops the runs waiting and stops watching for the reader (the annotator cleared the page). */
  reset(): void {
    this.waiting?.reset();
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
    const near = runs.length && mayWait && this.waiting ? await this.waiting.hold(runs) : null;
    if (!near) return this.check(runs, index, toMention, current);
    // This scan's own runs as it read them (its last batch isn't shown yet); earlier ones as they are now.
    const own = new Map(runs.map((r) => [r.run.place, r]));
    return this.check(this.asNow(near, index, own), index, toMention, current);
  }

  /** Runs that waited, checked as the page holds them now (one whose text it removed or resized, it rescans). */
  checkAsRead(held: readonly HeldRun[], index: TopicIndex, toMention: ToMention, current: () => boolean): Promise<PageMention[] | null> {
    return this.check(this.asNow(held, index), index, toMention, current);
  }

  private asNow(held: readonly HeldRun[], index: TopicIndex, own = new Map<RunPlace, ClaimRun>()): ClaimRun[] {
    const shown = this.shown;
    if (!shown) return [];
    return held.flatMap((h) => own.get(h.place) ?? reread(h, shown, index.topics) ?? []);
  }

  /**
   * The runs' statements about claimed facts, checked against the sources; null if the scan was
   * cancelled (`current()` false once the answers are there, or the slicer cancelled meanwhile).
   * A checker that can't answer (the background being replaced) leaves the runs unjudged.
   */
  async check(runs: readonly ClaimRun[], index: TopicIndex, toMention: ToMention, current: () => boolean): Promise<PageMention[] | null> {
    const live = runs.filter(({ run }) => run.nodes.every((n) => n.isConnected));
    if (!live.length) return [];
    // Clearing the page stops the wait at once.
    const answers = await this.slicer.wait(this.ask(live, index));
    // Cleared while the background answered: the runs' topics may be another corpus's.
    if (!answers || !current()) return null;
    const checks: PageMention[] = [];
    let next = 0;
    const step = () => {
      const i = next++;
      if (i < live.length) checks.push(...mentionsOf(live[i]!, answers[i] ?? [], toMention));
      return next < live.length;
    };
    return (await this.slicer.run(step)) ? checks : null;
  }

  /** Each run's checks, asked in requests of about REQUEST_CHARS of text; none for runs whose request failed. */
  private async ask(runs: readonly ClaimRun[], index: TopicIndex): Promise<ClaimCheck[][]> {
    const groups: ClaimInput[][] = [[]];
    let size = 0;
    for (const { run, mentions, others } of runs) {
      if (size >= REQUEST_CHARS) {
        groups.push([]);
        size = 0;
      }
      groups[groups.length - 1]!.push({ text: run.text, mentions, others });
      size += run.text.length;
    }
    const events = index.claimEvents ?? [];
    const answers = await Promise.all(
      groups.map((group) =>
        // Asked inside the chain: a checker that throws leaves these runs unjudged, like one that
        // refuses. No deadline of its own: the port's (work-port.ts) knows when the page was hidden.
        Promise.resolve()
          .then(() => this.checker({ runs: group, claims: index.claims, events }))
          .then((answer) => (Array.isArray(answer) ? answer : []))
          .catch((): ClaimCheck[][] => []),
      ),
    );
    return groups.flatMap((group, g) => group.map((_, i) => answers[g]![i] ?? []));
  }
}

/** A run's checks, as the mentions that show them (none once the page has removed the run's text). */
function mentionsOf({ run }: ClaimRun, checks: readonly ClaimCheck[], toMention: ToMention): PageMention[] {
  if (!Array.isArray(checks) || !run.nodes.every((n) => n.isConnected)) return [];
  return checks.map((c) =>
    toMention(run, c.start, c.end, c.topic, {
      alias: c.stated,
      rule: 'alias',
      check: { verdict: c.verdict, claims: c.claims, stated: c.stated, sentence: c.sentence },
    }),
  );
}
