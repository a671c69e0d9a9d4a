// What `npm run bench` injects into each fixture page (bundled to an IIFE, exposed as
// window.__bench): the bare lower bound, naive mark.js, and Backstory's real scan, all on the
// page's own DOM. The compiled index comes in as JSON and is parsed inside the timed section, as
// the content script has to load it on every page too.

import Mark from 'mark.js';
import { createAnnotator, SCAN_MEASURE, type Annotator } from '../src/content/annotator';
import { createRunWalker } from '../src/content/text-runs';
import { MARK_CLASS } from '../src/content/zones';
import type { CompiledIndex } from '../src/core/corpus-types';
import { createMatcher } from '../src/core/matcher';
import { DEFAULT_SETTINGS } from '../src/core/settings';

/** The part of mark.js a newcomer would call (src types only what the highlighter uses). */
interface NaiveMarkOptions {
  separateWordSearch?: boolean;
  acrossElements?: boolean;
  done?: (marks: number) => void;
}
interface NaiveMark {
  mark(keywords: string[], options: NaiveMarkOptions): void;
  markRegExp(pattern: RegExp, options: NaiveMarkOptions): void;
}
const NaiveMarkJs = Mark as unknown as new (context: Element) => NaiveMark;

const now = () => performance.now();

export interface BareResult {
  ms: number;
  textNodes: number;
  chars: number;
}

export interface BackstoryResult {
  /** JSON.parse of the index + createMatcher + createAnnotator. */
  setupMs: number;
  /** From apply() until it resolves: wall time, including the page's turns between slices. */
  applyMs: number;
  wallMs: number;
  /** From the start until the first highlight is in the DOM. */
  firstMarkMs: number | null;
  /** The annotator's own performance.measure('backstory:scan'). */
  scanMeasureMs: number | null;
  marks: number;
  mentions: number;
}

export interface NaiveResult {
  /** Time actually spent in mark.js. */
  ms: number;
  processed: number;
  total: number;
  marks: number;
  /** Alias count → the time mark.js takes for the first that many aliases, measured or estimated. */
  at: Record<number, { ms: number; measured: boolean }>;
}

export interface DiagResult {
  /**
   * createMatcher, and the first match on a one-byte and on a two-byte string: where matching
   * uses a RegExp, V8 compiles it then, once per string width.
   */
  createMs: number;
  compileOneByteMs: number;
  compileTwoByteMs: number;
  /** Backstory's run walker alone (elements, excluded zones, runs), no matching. */
  runsMs: number;
  /** The walker with matching (regex already compiled), no wrapping. */
  matchMs: number;
  runs: number;
  twoByteRuns: number;
  mentions: number;
  longestRunChars: number;
  longestRunMatchMs: number;
}

export interface LongTasks {
  count: number;
  maxMs: number;
  totalMs: number;
}

let indexJson = '';
let kept: Annotator | null = null;
let longTasks: PerformanceEntry[] = [];
let longTaskObserver: PerformanceObserver | null = null;

function bare(): BareResult {
  const t0 = now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let textNodes = 0;
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    textNodes++;
    chars += (n as Text).data.length;
  }
  return { ms: now() - t0, textNodes, chars };
}

async function backstory(): Promise<BackstoryResult> {
  let firstMark = -1;
  const watch = new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n instanceof HTMLElement && n.classList.contains(MARK_CLASS)) {
          firstMark = now();
          watch.disconnect();
          return;
        }
      }
    }
  });
  watch.observe(document.documentElement, { childList: true, subtree: true });
  const t0 = now();
  const index = JSON.parse(indexJson) as CompiledIndex;
  const matcher = createMatcher(index);
  const annotator = createAnnotator({ doc: document, index, matcher });
  const t1 = now();
  await annotator.apply({ ...DEFAULT_SETTINGS }, true);
  const t2 = now();
  watch.disconnect();
  // Kept alive as the content script keeps it, so the heap after the scan counts it.
  kept = annotator;
  const measures = performance.getEntriesByName(SCAN_MEASURE);
  return {
    setupMs: t1 - t0,
    applyMs: t2 - t1,
    wallMs: t2 - t0,
    firstMarkMs: firstMark < 0 ? null : firstMark - t0,
    scanMeasureMs: measures.length ? measures[measures.length - 1]!.duration : null,
    marks: document.querySelectorAll(`mark.${MARK_CLASS}`).length,
    mentions: annotator.counts().total,
  };
}

/**
 * What a newcomer writes: every alias handed to mark.js at once. mark.js searches alias by alias,
 * each time over the whole page, so its cost for the first N aliases is read off as it goes
 * (`checkpoints`). Where that would take minutes the rest is estimated: aliases from the start of
 * the list (the real ones, which match) for half the budget, from the end (synthetic, which
 * don't) for the other half, each kind at its own measured rate.
 */
function naive(aliases: string[], budgetMs: number, realCount: number, checkpoints: number[]): NaiveResult {
  const instance = new NaiveMarkJs(document.body);
  let marks = 0;
  const options: NaiveMarkOptions = { separateWordSearch: false, acrossElements: true, done: (n) => (marks += n) };
  // One alias at a time at first: on a 5 MB page a single alias takes mark.js ~0.4 s.
  let chunk = 1;
  const grow = (took: number) => {
    if (took < budgetMs / 40) chunk = Math.min(chunk * 2, 50);
  };
  const at: NaiveResult['at'] = {};
  const stops = [...checkpoints].sort((a, b) => a - b);
  const t0 = now();
  let head = 0;
  let tail = aliases.length;
  let headMs = 0;
  let tailMs = 0;
  while (head < tail && now() - t0 < budgetMs / 2) {
    const t = now();
    const stop = stops.find((c) => c > head) ?? tail;
    const end = Math.min(head + chunk, tail, stop);
    instance.mark(aliases.slice(head, end), options);
    headMs += now() - t;
    grow(now() - t);
    head = end;
    if (stops.includes(head)) at[head] = { ms: headMs, measured: true };
  }
  let tailCount = 0;
  while (head < tail && now() - t0 < budgetMs) {
    const t = now();
    const start = Math.max(tail - chunk, head);
    instance.mark(aliases.slice(start, tail), options);
    tailMs += now() - t;
    tailCount += tail - start;
    grow(now() - t);
    tail = start;
  }
  const realRate = headMs / Math.max(head, 1);
  const syntheticRate = tailCount ? tailMs / tailCount : realRate;
  for (const n of stops) {
    if (at[n]) continue;
    if (head >= tail && n >= aliases.length) {
      at[n] = { ms: headMs + tailMs, measured: true };
      continue;
    }
    const real = Math.max(0, Math.min(n, realCount) - head);
    const synthetic = Math.max(0, n - Math.max(head, realCount));
    at[n] = { ms: headMs + real * realRate + synthetic * syntheticRate, measured: false };
  }
  return { ms: now() - t0, processed: aliases.length - (tail - head), total: aliases.length, marks, at };
}

/** mark.js used with a little more care: one RegExp of every alias, one pass. */
function naiveOneRegex(aliases: string[]): { ms: number; marks: number } {
  const escaped = [...aliases].sort((a, b) => b.length - a.length).map((a) => a.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));
  let marks = 0;
  const t0 = now();
  new NaiveMarkJs(document.body).markRegExp(new RegExp(escaped.join('|'), 'gi'), { acrossElements: true, done: (n) => (marks += n) });
  return { ms: now() - t0, marks };
}

/** The scan taken apart: the matcher's first use, walking into runs, matching. Read-only. */
function diag(): DiagResult {
  const index = JSON.parse(indexJson) as CompiledIndex;
  let t = now();
  const matcher = createMatcher(index);
  const createMs = now() - t;
  t = now();
  matcher.findAll('warm up');
  const compileOneByteMs = now() - t;
  t = now();
  // A character above U+00FF that folding keeps makes the string two-byte.
  matcher.findAll('warm up \u2026');
  const compileTwoByteMs = now() - t;
  t = now();
  let runs = 0;
  const walker = createRunWalker(document.body);
  while (walker.next()) runs++;
  const runsMs = now() - t;
  const pageHasContext = matcher.hasContext(document.title);
  let mentions = 0;
  let twoByteRuns = 0;
  let longestRunChars = 0;
  let longestRunMatchMs = 0;
  t = now();
  const matching = createRunWalker(document.body);
  for (let run = matching.next(); run; run = matching.next()) {
    const r0 = now();
    mentions += matcher.findAll(run.text, { pageHasContext }).length;
    if (run.text.length > longestRunChars) {
      longestRunChars = run.text.length;
      longestRunMatchMs = now() - r0;
    }
    if (/[^\u0000-\u00ff]/.test(run.text)) twoByteRuns++;
  }
  const matchMs = now() - t;
  return { createMs, compileOneByteMs, compileTwoByteMs, runsMs, matchMs, runs, twoByteRuns, mentions, longestRunChars, longestRunMatchMs };
}

function watchLongTasks(): void {
  longTasks = [];
  longTaskObserver?.disconnect();
  longTaskObserver = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  longTaskObserver.observe({ type: 'longtask' });
}

function longTaskSummary(): LongTasks {
  if (longTaskObserver) longTasks.push(...longTaskObserver.takeRecords());
  return {
    count: longTasks.length,
    maxMs: longTasks.reduce((m, e) => Math.max(m, e.duration), 0),
    totalMs: longTasks.reduce((s, e) => s + e.duration, 0),
  };
}

/** Two frames and a turn of the event loop: the rendering our changes caused has happened. */
function settle(ms = 60): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, ms))));
}

const api = {
  setIndex(json: string): void {
    indexJson = json;
  },
  bare,
  backstory,
  naive,
  naiveOneRegex,
  diag,
  watchLongTasks,
  longTaskSummary,
  settle,
  marksInPage: () => document.querySelectorAll('mark').length,
  keptAlive: () => kept !== null,
};

export type BenchApi = typeof api;
(window as unknown as { __bench: BenchApi }).__bench = api;
