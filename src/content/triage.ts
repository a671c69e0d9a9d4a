// What a scan does with each match: show it now, hold it until the page shows it is about the
// dispute, keep it for the claim checks, or only note it (its category is off). One per scan.

import type { TopicIndex } from '../core/corpus-types';
import { asksBackground, type PageMatcher, readTitle, type TitleReading } from '../core/match-request';
import type { Mention } from '../core/matcher';
import { type ClaimRun, mayHoldStatements } from './claim-pass';
import type { MentionRegistry, PageMention } from './mentions';
import type { MentionFields } from './page-mention';
import type { OnMatches } from './scan';
import type { TextRun } from './text-runs';

/** What a scan needs of the annotator that runs it. */
export interface TriageHost {
  readonly doc: Document;
  readonly index: TopicIndex;
  readonly matcher: PageMatcher;
  readonly registry: MentionRegistry;
  /** In first-mention mode, one mention per topic is shown. */
  readonly firstOnly: boolean;
  /** Whether the topic's category is shown. */
  shown(topic: number): boolean;
  /** Whether an anchor topic was named on the page (by this scan or an earlier one). */
  readonly pageAnchored: boolean;
  markAnchored(): void;
  hide(mentions: Iterable<PageMention>): void;
  toMention(run: TextRun, start: number, end: number, topic: number, fields: MentionFields): PageMention;
}

/** A name that waits for the page to show it is about the dispute. */
interface Waiting {
  mention: PageMention;
  topic: number;
}

export class MatchTriage {
  /** Mentions to show with the next batch. */
  readonly batch: PageMention[] = [];
  /** Names that stand only on a page plainly about the dispute (Mention.deferred). */
  readonly deferred: Waiting[] = [];
  /** Ambiguous names with context nearby, on a page not yet shown to be about the dispute. */
  readonly held: Waiting[] = [];
  readonly claimRuns: ClaimRun[] = [];
  /** Topics found by this scan and not shown yet (in first-mention mode, one each). */
  private readonly found = new Set<number>();
  private accepted: Mention[] = [];
  private others: Mention[] = [];
  private lastRun: TextRun | null = null;
  private titleContext: boolean | undefined;
  /**
   * Topics whose look-alike this scan has read ("Etorofu-class", 択捉型, "Сан-Францисский мирный
   * договор"): on such a page the escort ship's list ("the Etorofu (択捉)") or the San Francisco
   * treaty's "мирный договор с Японией" is that look-alike's, so the topic's names don't show the
   * page is about the dispute; like the Kuril chain's, they stand once something else does. The
   * matcher reports a run's look-alikes before the run's names are sorted.
   */
  private readonly shadowed = new Set<number>();

  constructor(private readonly host: TriageHost) {
    // The title is read first, however the text is searched: a look-alike named there ("Etorofu-
    // class escort ship") shadows its topic's names on the whole page (data/COVERAGE.md). A search
    // asked of the background reads it there, and says what it says before its first mentions.
    this.pageHasContext();
  }

  /**
   * The page's title names both sides of the dispute, and no look-alike: "Etorofu-class escort
   * ship" has an island's name in it, but is about the ships. (Not known until the background
   * has answered, where it reads the title: no mention is sorted before that.)
   */
  readonly pageHasContext = (): boolean => {
    const { matcher, doc } = this.host;
    if (this.titleContext === undefined && !asksBackground(matcher)) this.onTitle(readTitle(matcher, doc.title));
    return this.titleContext ?? false;
  };

  /** What the title says, taken once per scan. */
  readonly onTitle = (reading: TitleReading): void => {
    if (this.titleContext !== undefined) return;
    this.titleContext = reading.context;
    for (const topic of reading.lookalikes) this.onLookalike(topic);
  };

  /** The page is about the dispute: its title says so, or it names an anchor topic (TopicHead.anchor). */
  anchored(): boolean {
    return this.host.pageAnchored || this.pageHasContext();
  }

  readonly onLookalike = (topic: number): void => {
    // The Kuril chain's look-alikes (the trench, the Northern Kurils) sit beside the disputed
    // islands on pages about them; its own names are kept from showing anything already.
    if (!this.host.index.topics[topic]?.notAnchoring) this.shadowed.add(topic);
  };

  readonly onMatches: OnMatches = (run, mentions, runDone) => {
    if (run !== this.lastRun) this.enterRun(run);
    for (const m of mentions) this.sort(run, m);
    if (runDone) this.endRun(run);
  };

  /**
   * Of the names waiting, those that stand now, each counted as found (in first-mention mode,
   * only a topic not shown yet): counted from what is shown, so reading a block again never
   * counts it twice.
   */
  standing(list: readonly Waiting[]): PageMention[] {
    const out: PageMention[] = [];
    for (const d of list) {
      if (this.host.firstOnly && this.seen(d.topic)) continue;
      this.found.add(d.topic);
      out.push(d.mention);
    }
    return out;
  }

  private seen(topic: number): boolean {
    return this.found.has(topic) || this.host.registry.countOf(this.host.index.topics[topic]!.id) > 0;
  }

  /**
   * Rescanning text that is already shown: its mentions are found again. (Allocates only when
   * there are some: a table reads as tens of thousands of one-cell runs.)
   */
  private enterRun(run: TextRun): void {
    this.lastRun = run;
    let known: Set<PageMention> | null = null;
    for (const n of run.nodes) for (const m of this.host.registry.inNode(n)) (known ??= new Set()).add(m);
    if (known) this.host.hide(known);
  }

  private sort(run: TextRun, m: Mention): void {
    const { host } = this;
    // What the page is about doesn't depend on which categories the reader shows.
    const head = host.index.topics[m.topic];
    // Names of the whole Kuril chain, and of a topic whose look-alike the page names, stand only on a
    // page something else shows to be about the dispute.
    const chainName = !!head?.notAnchoring?.includes(m.alias) || this.shadowed.has(m.topic);
    const anchor = !!head?.anchor && !m.deferred && !chainName;
    if (anchor) host.markAnchored();
    if (!host.shown(m.topic)) {
      this.others.push(m);
      return;
    }
    const hold = !m.deferred && !anchor && (m.rule !== 'alias' || chainName) && !this.anchored();
    // A chain's name that stands because of the rest of the page says so in its tooltip.
    const rule = hold && m.rule === 'alias' ? 'page' : m.rule;
    const mention = host.toMention(run, m.start, m.end, m.topic, { alias: m.alias, rule });
    if (m.deferred || hold) {
      (m.deferred ? this.deferred : this.held).push({ mention, topic: m.topic });
      this.others.push(m);
      return;
    }
    if (host.firstOnly && this.seen(m.topic)) return;
    this.found.add(m.topic);
    this.accepted.push(m);
    this.batch.push(mention);
  }

  private endRun(run: TextRun): void {
    if (mayHoldStatements(this.host.index, this.accepted, run.text)) {
      // Checked once the walk is done.
      this.claimRuns.push({ run, mentions: this.accepted, others: this.others });
    }
    // Fresh lists for the next run (a claim run keeps these); most runs leave both empty, and a
    // table of tens of thousands of cells then allocates nothing here.
    if (this.accepted.length) {
      this.accepted = [];
      this.others = [];
    } else if (this.others.length) this.others = [];
  }
}
