// Helpers for content-script tests in happy-dom: the lazily loaded modules imported directly, the
// CSS Custom Highlight API (which happy-dom lacks) as a minimal stand-in following the spec's
// shapes, and the page's mentions read back the way the page contract exposes them.

import { type Annotator, type AnnotatorOptions, createAnnotator } from '../../src/content/annotator';
import type { LazyModules } from '../../src/content/modules';
import { answerClaims, type ClaimChecker } from '../../src/core/claims-request';
import { answerMatch, askingBackground, type MatchRequest } from '../../src/core/match-request';
import { createMatcher, type Matcher } from '../../src/core/matcher';
import type { PaintMode } from '../../src/core/settings';

export const testModules: LazyModules = {
  ui: () => import('../../src/content/lazy/ui'),
  marks: () => import('../../src/content/lazy/marks'),
};

/** The background's claim checker, answering in-process (the request cloned, as a message is). */
export const testChecker: ClaimChecker = async (request) => answerClaims(structuredClone(request));

/** An annotator over this document with the test modules and checker; `options` replaces any of them. */
export function testAnnotator(
  index: Parameters<typeof createMatcher>[0] & AnnotatorOptions['index'],
  options: Partial<AnnotatorOptions> & Pick<AnnotatorOptions, 'signal'>,
): Annotator {
  return createAnnotator({
    doc: document,
    index,
    modules: testModules,
    checker: testChecker,
    ...options,
    matcher: options.matcher ?? createMatcher(index),
  });
}

/**
 * A matcher whose text is searched by a stand-in for the background (its own matcher over the
 * same index, answering after a few milliseconds, out of step with the page's slices); `fails`
 * says which requests get no answer (numbered from 0), as when the background is being replaced.
 * Counts the requests answered, the page's own matcher loaded, and the batches the page searched
 * itself.
 */
export function askingTestMatcher(index: Parameters<typeof createMatcher>[0], fails: (request: number) => boolean = () => false) {
  const background = createMatcher(index);
  const counts = { asked: 0, answered: 0, loaded: 0, searchedHere: 0 };
  const ask = (request: MatchRequest) =>
    new Promise<unknown>((resolve, reject) => {
      const failed = fails(counts.asked++);
      if (!failed) counts.answered++;
      setTimeout(() => (failed ? reject(new Error('no background')) : resolve(answerMatch(background, structuredClone(request)))), counts.asked % 3);
    });
  const own = createMatcher(index);
  const findIn: Matcher['findIn'] = (...args) => {
    counts.searchedHere++;
    return own.findIn(...args);
  };
  const local = async () => {
    counts.loaded++;
    return { ...own, findIn };
  };
  const matcher = askingBackground({ ask, local, topics: index.topics.length });
  return { matcher, counts };
}

export const PAINT_MODES: readonly PaintMode[] = ['highlights', 'marks'];

interface StaticRangeInit {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

class StaticRangeStandIn {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
  get collapsed(): boolean {
    return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
}

class HighlightStandIn extends Set<StaticRangeStandIn> {
  priority = 0;
  type = 'highlight';
}

type Patchable = Record<string, unknown>;

/** Gives happy-dom's window the CSS Custom Highlight API; returns the undo. */
export function installHighlightApi(win: Window = window): () => void {
  const w = win as unknown as Patchable;
  const saved = { StaticRange: w.StaticRange, Highlight: w.Highlight, CSS: Object.getOwnPropertyDescriptor(w, 'CSS') };
  w.StaticRange = StaticRangeStandIn;
  w.Highlight = HighlightStandIn;
  Object.defineProperty(w, 'CSS', { value: { highlights: new Map<string, HighlightStandIn>() }, configurable: true, writable: true });
  return () => {
    w.StaticRange = saved.StaticRange;
    w.Highlight = saved.Highlight;
    if (saved.CSS) Object.defineProperty(w, 'CSS', saved.CSS);
    else delete w.CSS;
  };
}

type Registry = Map<string, Set<AbstractRange>>;
const registryOf = (doc: Document) => (doc.defaultView as unknown as { CSS: { highlights?: Registry } }).CSS.highlights;

export function rangeText(doc: Document, r: AbstractRange): string {
  const live = doc.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
}

/** Every painted range as [text, highlight name], in reading order. */
export function highlightsOnPage(doc: Document): Array<[string, string]> {
  const registry = registryOf(doc);
  if (!registry) return [];
  const all: Array<[AbstractRange, string]> = [];
  for (const [name, h] of registry) if (name !== 'backstory-focus') for (const r of h) all.push([r, name]);
  const point = (r: AbstractRange) => {
    const live = doc.createRange();
    live.setStart(r.startContainer, r.startOffset);
    return live;
  };
  all.sort(([a], [b]) => point(a).compareBoundaryPoints(Range.START_TO_START, point(b)));
  return all.map(([r, name]) => [rangeText(doc, r), name]);
}

/** The painted mentions (not checks) as [text, category], in reading order. */
export function highlightedMentions(doc: Document): Array<[string, string]> {
  return highlightsOnPage(doc)
    .filter(([, name]) => !name.startsWith('backstory-check-'))
    .map(([text, name]) => [text, name.slice('backstory-'.length)]);
}
