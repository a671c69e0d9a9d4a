// The work content scripts hand the background, where its code stays compiled and optimised
// from page to page instead of running cold on each page's main thread: finding the mentions in
// a batch of a page's text (match-request.ts) and checking statements against the sources
// (claims-request.ts). Each request is measured, so the time a page no longer spends is still
// counted (bench/run.mjs reads the measures).

import { answerClaims } from '../core/claims-request';
import type { PageIndex } from '../core/corpus-types';
import { answerMatch } from '../core/match-request';
import { createPackedMatcher, type Matcher } from '../core/matcher';
import type { ExtensionApi, Handlers } from '../platform/extension-api';

export const CLAIMS_MEASURE = 'backstory:claims';
export const MATCH_MEASURE = 'backstory:match';
/** Measures kept per name before the oldest go: the background may run for a whole browsing session. */
const MEASURES_KEPT = 1000;
/** Where build.mjs writes the built-in corpus's packed matcher (content/lazy/main.ts reads it too). */
const PAGE_INDEX = 'lazy/page-index.json';

function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  if (performance.getEntriesByName(name).length >= MEASURES_KEPT) performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now() });
  return result;
}

/** The handlers of `claims:check` and `match:find`; the built-in matcher is read on the first request. */
export function pageWork(api: Pick<ExtensionApi, 'readBundled'>): Handlers<'claims:check' | 'match:find'> {
  let matcher: Promise<Matcher> | null = null;
  const builtIn = () =>
    (matcher ??= api.readBundled(PAGE_INDEX).then((index) => createPackedMatcher((index as PageIndex).matcher))).catch((e: unknown) => {
      // Asked again next time; meanwhile pages search their text themselves.
      matcher = null;
      throw e;
    });
  return {
    'claims:check': (request) => measured(CLAIMS_MEASURE, () => answerClaims(request)),
    'match:find': async (request) => {
      const m = await builtIn().catch(() => null);
      return m && measured(MATCH_MEASURE, () => answerMatch(m, request));
    },
  };
}
