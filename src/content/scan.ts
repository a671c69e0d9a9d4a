// One scan of a subtree as a sequence of small steps, so the caller can run them a slice at a
// time: walk the text runs, fold them, find their mentions. Short runs (most paragraphs, links,
// headings) are joined into batches, folded and searched as one text: a fold and a search have a
// cost per call that hundreds of short runs would otherwise pay each. Long text (one 5 MB text
// node) is folded and searched a window at a time, so no step grows with the size of the page.
// Where the matcher asks the background (match-request.ts), batches are searched there instead,
// a few in flight while the walk reads on, with the page's title (its reading handed on before the
// first mentions); a run too long to send is searched here. Only reads the DOM.

import {
  type AskedAnswer,
  type AskingMatcher,
  asksBackground,
  findWithLookalikes,
  type MatchAnswer,
  type PageMatcher,
  readTitle,
  type TitleReading,
} from '../core/match-request';
import { joinPrepared, prepareText, RUN_SEPARATOR, type MatchOptions, type Matcher, type Mention, type PreparedText } from '../core/matcher';
import type { Step } from './slices';
import { createRunWalker, type TextRun } from './text-runs';

/** Text searched per step; a run longer than this is folded and searched in windows of it. */
export const WINDOW_CHARS = 32_768;
/** What most runs hold (a table's cells, a page's menus): shared, not allocated per run. */
const NONE: Mention[] = Object.freeze([]) as unknown as Mention[];
/** Short runs are joined until a batch holds this much text. */
export const BATCH_CHARS = 2_048;
/**
 * A page's first batch asked of the background holds this much, each next one twice as much up to
 * ASKED_BATCH_CHARS (AskingMatcher.requests: later scans of the page ask full batches). Fewer,
 * larger messages cost the page less each, but a content script's first large message costs it
 * about twice what the next does (Chromium 156, in-page: the article's first 33 KB request 3.3 ms,
 * its next 7 KB 0.2; asked 4, 8, 16, then 10 KB, 1.6 ms for all four), and the first answer comes
 * back sooner.
 */
export const FIRST_ASKED_CHARS = 4_096;
/** A batch asked of the background holds at most this much: fewer messages (each costs the page a little). */
export const ASKED_BATCH_CHARS = 16_384;
/** …or this many runs (a table's cells), so that reading one stays well within a slice. */
export const ASKED_BATCH_RUNS = 256;
/** Batches asked and not yet answered while the walk reads on. */
export const ASKED_AHEAD = 2;

/**
 * Takes a run's mentions found in one step, in order, with offsets in the run's text; `runDone`
 * on the last step of a run (its claims can be checked then). Arguments, not an object: it is
 * called for every run, tens of thousands on a table.
 */
export type OnMatches = (run: TextRun, mentions: Mention[], runDone: boolean) => void;

/** The matcher's options, and the page's title for a search asked elsewhere (what it says goes to `onTitle`). */
export interface ScanOptions extends MatchOptions {
  title: string;
  /** Told what the title says before the first mentions of a search asked elsewhere (maybe more than once). */
  onTitle(reading: TitleReading): void;
}

export interface SubtreeScan {
  /** Runs one step; false when the subtree is done. */
  step: Step;
  /** Subtrees skipped for being nested too deep. */
  readonly skipped: number;
  /** The page removed what was being read: the root needs reading again. */
  readonly interrupted: boolean;
}

/**
 * A run too long to batch (one huge text node), read over several steps: folded a window at a
 * time, then searched a window at a time.
 */
class LongRun {
  private prepared: PreparedText | null = null;
  private readonly parts: PreparedText[] = [];
  private position = 0;

  constructor(
    readonly run: TextRun,
    private readonly matcher: Matcher,
    private readonly options: MatchOptions,
    private readonly onMatches: OnMatches,
  ) {}

  /** One window: folding it, or searching it once all are folded. True once the run is done. */
  step(): boolean {
    const { run, parts } = this;
    const text = run.text;
    if (!this.prepared) {
      parts.push(prepareText(text.slice(parts.length * WINDOW_CHARS, (parts.length + 1) * WINDOW_CHARS)));
      if (parts.length * WINDOW_CHARS >= text.length) this.prepared = joinPrepared(parts);
      return false;
    }
    const to = Math.min(text.length, this.position + WINDOW_CHARS);
    const mentions = this.matcher.findIn(this.prepared, this.position, to, this.options);
    // A mention may run past the window; the next window starts after it.
    this.position = Math.max(to, mentions.length ? mentions[mentions.length - 1]!.end : 0);
    const runDone = this.position >= text.length;
    if (mentions.length || runDone) this.onMatches(run, mentions, runDone);
    return runDone;
  }
}

/**
 * A batch's mentions, handed on run by run in each run's own offsets, each run's look-alikes
 * reported before its mentions (however large the batch, as the matcher reports a run's).
 */
function deliver(batch: readonly TextRun[], { mentions, lookalikes }: MatchAnswer, options: MatchOptions, onMatches: OnMatches): void {
  let next = 0;
  let offset = 0;
  let look = 0;
  for (const current of batch) {
    const end = offset + current.text.length;
    for (; look < lookalikes.length && lookalikes[look]!.start < end; look++)
      options.onLookalike?.(lookalikes[look]!.topic, lookalikes[look]!.start - offset);
    const first = next;
    while (next < mentions.length && mentions[next]!.start < end) {
      const m = mentions[next++]!;
      m.start -= offset;
      m.end -= offset;
    }
    onMatches(current, next > first ? mentions.slice(first, next) : NONE, true);
    offset = end + RUN_SEPARATOR.length;
  }
}

/** Runs over `root` (from `from` on, then up to it), handing each step's matches to `onMatches`. */
export function scanSubtree(
  root: Element,
  matcher: PageMatcher,
  options: ScanOptions,
  onMatches: OnMatches,
  from: Element | null = null,
): SubtreeScan {
  const walker = createRunWalker(root, from, asksBackground(matcher) ? matcher.nameTest : () => matcher.mayName);
  /** The page's own matcher, once there is one (one asking the background loads it on need). */
  let here: Matcher | null = asksBackground(matcher) ? null : matcher;
  /** A run too long to batch, read over the next steps (`long` once its search has begun). */
  let longText: TextRun | null = null;
  let long: LongRun | null = null;

  const joined = (batch: readonly TextRun[]) => batch.map((r) => r.text).join(RUN_SEPARATOR);

  /** Short runs up to `chars` of text or `runs` runs; stops before a run too long to batch (it becomes `longText`). */
  function readBatch(chars: number, runs = Number.POSITIVE_INFINITY): TextRun[] {
    const batch: TextRun[] = [];
    let size = 0;
    while (size < chars && batch.length < runs) {
      const next = walker.next(batch.length > 0);
      if (!next) break;
      if (next.text.length > WINDOW_CHARS) {
        longText = next;
        break;
      }
      batch.push(next);
      size += next.text.length + RUN_SEPARATOR.length;
    }
    return batch;
  }

  /** One window of the long run, searched with the page's matcher. */
  function longStep(m: Matcher): true {
    long ??= new LongRun(longText!, m, options, onMatches);
    if (long.step()) {
      long = null;
      longText = null;
    }
    return true;
  }

  function localStep(m: Matcher): boolean {
    if (longText) return longStep(m);
    const batch = readBatch(BATCH_CHARS);
    if (batch.length) deliver(batch, findWithLookalikes(m, joined(batch), options), options, onMatches);
    return batch.length > 0 || longText !== null;
  }

  interface Asked {
    batch: TextRun[];
    answer: Promise<AskedAnswer>;
  }
  const asked: Asked[] = [];

  /**
   * Reads and asks about one more batch while fewer than ASKED_AHEAD are out, or hands on the
   * first one's answer; a long run is searched here once those before it are handed on.
   */
  function askingStep(m: AskingMatcher): boolean | Promise<() => boolean> {
    if (!longText && asked.length < ASKED_AHEAD) {
      const batch = readBatch(Math.min(FIRST_ASKED_CHARS * 2 ** m.requests(), ASKED_BATCH_CHARS), ASKED_BATCH_RUNS);
      if (batch.length) {
        asked.push({ batch, answer: m.ask(joined(batch), options.title) });
        return true;
      }
    }
    const first = asked.shift();
    if (first)
      return first.answer.then((answer) => () => {
        if (answer.title) options.onTitle(answer.title);
        deliver(first.batch, answer, options, onMatches);
        return true;
      });
    if (!longText) return false;
    if (here) return longStep(here);
    // The title is read here too: the long run may come before any answer.
    return m.local().then(
      (loaded) => () => {
        here = loaded;
        options.onTitle(readTitle(loaded, options.title));
        return longStep(loaded);
      },
      // Without the page's matcher (a broken install, a read that timed out) the run shows nothing
      // until it is read again; the scan goes on.
      () => () => {
        longText = null;
        return true;
      },
    );
  }

  const step: Step = asksBackground(matcher) ? () => askingStep(matcher) : () => localStep(matcher);

  return {
    step,
    get skipped() {
      return walker.skipped;
    },
    get interrupted() {
      return walker.interrupted;
    },
  };
}

export interface RootsScan {
  /** Runs one step; false when every root is done. */
  step: Step;
  /** Subtrees skipped for being nested too deep. */
  readonly skipped: number;
  /** Roots the page changed under the walk: to be read again once this scan is done. */
  readonly again: readonly Element[];
}

/** Several subtrees, one after another, as one sequence of steps; roots the page dropped meanwhile are passed over. */
export function scanRoots(
  roots: readonly Element[],
  matcher: PageMatcher,
  options: ScanOptions,
  onMatches: OnMatches,
  from: Element | null = null,
): RootsScan {
  let next = 0;
  let subtree: SubtreeScan | null = null;
  let skipped = 0;
  const again: Element[] = [];
  const step: Step = () => {
    for (;;) {
      const done = subtree ? subtree.step() : false;
      // A step waiting for an answer: once it has run, the next step says whether the subtree has more.
      if (typeof done !== 'boolean')
        return done.then((rest) => () => {
          rest();
          return true;
        });
      if (done) return true;
      if (subtree) skipped += subtree.skipped;
      if (subtree?.interrupted) again.push(roots[next - 1]!);
      subtree = null;
      const root = roots[next++];
      if (!root) return false;
      if (root.isConnected) subtree = scanSubtree(root, matcher, options, onMatches, from);
    }
  };
  return {
    step,
    get skipped() {
      return skipped;
    },
    again,
  };
}
