// The work content scripts hand the background, where its code stays compiled and optimised
// from page to page instead of running cold on each page's main thread: checking statements
// against the sources (claims-request.ts). Each request is measured, so the time a page no longer
// spends is still counted (bench/run.mjs reads the measures).

import { answerClaims } from '../core/claims-request';
import type { Handlers } from '../platform/extension-api';

export const CLAIMS_MEASURE = 'backstory:claims';
/** Measures kept per name before the oldest go: the background may run for a whole browsing session. */
const MEASURES_KEPT = 1000;

function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  if (performance.getEntriesByName(name).length >= MEASURES_KEPT) performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now() });
  return result;
}

/** The handler of `claims:check`. */
export function pageWork(): Handlers<'claims:check'> {
  return {
    'claims:check': (request) => measured(CLAIMS_MEASURE, () => answerClaims(request)),
  };
}
