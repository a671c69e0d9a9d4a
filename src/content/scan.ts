// One scan of a subtree as a sequence of small steps, so the caller can run them a slice at a
// time: walk the text runs, fold each run, find its mentions. Long text (one 5 MB text node) is
// folded and searched a window at a time, so no step grows with the size of the page. Only
// reads the DOM.

import { joinPrepared, prepareText, type MatchOptions, type Matcher, type Mention, type PreparedText } from '../core/matcher';
import { createRunWalker, type TextRun } from './text-runs';

/** Text searched per step; a run longer than this is folded and searched in windows of it. */
export const WINDOW_CHARS = 32_768;

export interface RunMatches {
  run: TextRun;
  /** Mentions in this step, in order; offsets are in the run's text. */
  mentions: Mention[];
  /** Set on the last step of a run (its claims can be checked then). */
  runDone: boolean;
}

export interface SubtreeScan {
  /** Runs one step; false when the subtree is done. */
  step(): boolean;
  /** Subtrees skipped for being nested too deep. */
  readonly skipped: number;
  /** The page removed what was being read: the root needs reading again. */
  readonly interrupted: boolean;
}

/** Runs over `root` (from `from` on, then up to it), handing each step's matches to `onMatches`. */
export function scanSubtree(
  root: Element,
  matcher: Matcher,
  options: MatchOptions,
  onMatches: (m: RunMatches) => void,
  from: Element | null = null,
): SubtreeScan {
  const walker = createRunWalker(root, from);
  let run: TextRun | null = null;
  let prepared: PreparedText | null = null;
  /** Long runs are folded a window at a time first. */
  let parts: PreparedText[] = [];
  let position = 0;

  function startRun(next: TextRun): void {
    run = next;
    prepared = next.text.length <= WINDOW_CHARS ? prepareText(next.text) : null;
    parts = [];
    position = 0;
  }

  function step(): boolean {
    if (!run) {
      const next = walker.next();
      if (!next) return false;
      startRun(next);
    }
    const current = run!;
    const text = current.text;
    if (!prepared) {
      parts.push(prepareText(text.slice(parts.length * WINDOW_CHARS, (parts.length + 1) * WINDOW_CHARS)));
      if (parts.length * WINDOW_CHARS >= text.length) prepared = joinPrepared(parts);
      return true;
    }
    const to = Math.min(text.length, position + WINDOW_CHARS);
    const mentions = matcher.findIn(prepared, position, to, options);
    // A mention may run past the window; the next window starts after it.
    position = Math.max(to, mentions.length ? mentions[mentions.length - 1]!.end : 0);
    const runDone = position >= text.length;
    if (mentions.length || runDone) onMatches({ run: current, mentions, runDone });
    if (runDone) run = null;
    return true;
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
