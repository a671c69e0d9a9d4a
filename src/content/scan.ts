// One scan of a subtree as a sequence of small steps, so the caller can run them a slice at a
// time: walk the text runs, fold them, find their mentions. Short runs (most paragraphs, links,
// headings) are joined into batches, folded and searched as one text: a fold and a search have a
// cost per call that hundreds of short runs would otherwise pay each. Long text (one 5 MB text
// node) is folded and searched a window at a time, so no step grows with the size of the page.
// Only reads the DOM.

import { joinPrepared, prepareText, RUN_SEPARATOR, type MatchOptions, type Matcher, type Mention, type PreparedText } from '../core/matcher';
import { createRunWalker, type TextRun } from './text-runs';

/** Text searched per step; a run longer than this is folded and searched in windows of it. */
export const WINDOW_CHARS = 32_768;
/** What most runs hold (a table's cells, a page's menus): shared, not allocated per run. */
const NONE: Mention[] = Object.freeze([]) as unknown as Mention[];
/** Short runs are joined until a batch holds this much text. */
export const BATCH_CHARS = 2_048;

/**
 * Takes a run's mentions found in one step, in order, with offsets in the run's text; `runDone`
 * on the last step of a run (its claims can be checked then). Arguments, not an object: it is
 * called for every run, tens of thousands on a table.
 */
export type OnMatches = (run: TextRun, mentions: Mention[], runDone: boolean) => void;

export interface SubtreeScan {
  /** Runs one step; false when the subtree is done. */
  step(): boolean;
  /** Subtrees skipped for being nested too deep. */
  readonly skipped: number;
  /** The page removed what was being read: the root needs reading again. */
  readonly interrupted: boolean;
}

/** Runs over `root` (from `from` on, then up to it), handing each step's matches to `onMatches`. */
export function scanSubtree(root: Element, matcher: Matcher, options: MatchOptions, onMatches: OnMatches, from: Element | null = null): SubtreeScan {
  const walker = createRunWalker(root, from, matcher.mayName);
  /** A run too long to batch, read a window at a time over the next steps. */
  let run: TextRun | null = null;
  let prepared: PreparedText | null = null;
  /** Long runs are folded a window at a time first. */
  let parts: PreparedText[] = [];
  let position = 0;

  function startRun(next: TextRun): void {
    run = next;
    prepared = null;
    parts = [];
    position = 0;
  }

  /** One window of the long run: folding it, or searching it once folded. */
  function longRunStep(current: TextRun): void {
    const text = current.text;
    if (!prepared) {
      parts.push(prepareText(text.slice(parts.length * WINDOW_CHARS, (parts.length + 1) * WINDOW_CHARS)));
      if (parts.length * WINDOW_CHARS >= text.length) prepared = joinPrepared(parts);
      return;
    }
    const to = Math.min(text.length, position + WINDOW_CHARS);
    const mentions = matcher.findIn(prepared, position, to, options);
    // A mention may run past the window; the next window starts after it.
    position = Math.max(to, mentions.length ? mentions[mentions.length - 1]!.end : 0);
    const runDone = position >= text.length;
    if (mentions.length || runDone) onMatches(current, mentions, runDone);
    if (runDone) run = null;
  }

  /** Short runs, searched as one text; each run's mentions are handed on in its own offsets. */
  function batchStep(batch: readonly TextRun[]): void {
    const joined = batch.map((r) => r.text).join(RUN_SEPARATOR);
    const mentions = matcher.findIn(prepareText(joined), 0, joined.length, options);
    let next = 0;
    let offset = 0;
    for (const current of batch) {
      const end = offset + current.text.length;
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

  function step(): boolean {
    if (run) {
      longRunStep(run);
      return true;
    }
    const batch: TextRun[] = [];
    let size = 0;
    while (size < BATCH_CHARS) {
      const next = walker.next(batch.length > 0);
      if (!next) break;
      if (next.text.length > WINDOW_CHARS) {
        startRun(next);
        break;
      }
      batch.push(next);
      size += next.text.length + RUN_SEPARATOR.length;
    }
    if (batch.length) batchStep(batch);
    return batch.length > 0 || run !== null;
  }

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
  step(): boolean;
  /** Subtrees skipped for being nested too deep. */
  readonly skipped: number;
  /** Roots the page changed under the walk: to be read again once this scan is done. */
  readonly again: readonly Element[];
}

/** Several subtrees, one after another, as one sequence of steps; roots the page dropped meanwhile are passed over. */
export function scanRoots(
  roots: readonly Element[],
  matcher: Matcher,
  options: MatchOptions,
  onMatches: OnMatches,
  from: Element | null = null,
): RootsScan {
  let next = 0;
  let subtree: SubtreeScan | null = null;
  let skipped = 0;
  const again: Element[] = [];
  const step = (): boolean => {
    while (!subtree?.step()) {
      if (subtree) skipped += subtree.skipped;
      if (subtree?.interrupted) again.push(roots[next - 1]!);
      subtree = null;
      const root = roots[next++];
      if (!root) return false;
      if (root.isConnected) subtree = scanSubtree(root, matcher, options, onMatches, from);
    }
    return true;
  };
  return {
    step,
    get skipped() {
      return skipped;
    },
    again,
  };
}
