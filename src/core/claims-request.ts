// Claim checks asked of the extension's background: the content script sends the runs of text
// that may state a claimed fact, with the claims they are checked against, and gets each run's
// checks back. The checker's patterns then stay compiled (and its code optimised) in one place
// from page to page, instead of being compiled again on the main thread of every page that
// checks a statement. Nothing leaves the browser; nothing is kept.

import { type ClaimCheck, checkClaims } from './claims';
import type { ClaimEventHead, ClaimHead } from './corpus-types';
import { isObj } from './guards';
import { isMentionIn } from './match-request';
import type { Mention } from './matcher';

/** A run of the page's text to check, with the mentions in it (offsets in `text`). */
export interface ClaimInput {
  text: string;
  /** The mentions shown in the run: the topics whose statements are judged. */
  mentions: Mention[];
  /** Names found in the run but not shown (held back, switched off): not statements either. */
  others: Mention[];
}

export interface ClaimsRequest {
  runs: ClaimInput[];
  /** Topic index → its claims (TopicIndex.claims of the corpus the page is matched with). */
  claims: Record<number, ClaimHead[]>;
  events: ClaimEventHead[];
}

/** Each run's checks, in the order of the request's runs. */
export type ClaimsAnswer = ClaimCheck[][];

/** Checks runs wherever the checker lives: the background in the extension, in-process in tests. */
export type ClaimChecker = (request: ClaimsRequest) => Promise<ClaimsAnswer>;

function isInput(v: unknown): v is ClaimInput {
  if (!isObj(v) || typeof v.text !== 'string') return false;
  const length = v.text.length;
  const mentions = (list: unknown) => Array.isArray(list) && list.every((m) => isMentionIn(m, 0, length));
  return mentions(v.mentions) && mentions(v.others);
}

function checkOne(run: unknown, claims: Record<number, ClaimHead[]>, events: ClaimEventHead[]): ClaimCheck[] {
  if (!isInput(run)) return [];
  try {
    return checkClaims(run.text, run.mentions, claims, events, run.others);
  } catch {
    // A claims map that isn't what the checker expects (a corrupt pack): nothing is judged.
    return [];
  }
}

/**
 * The checks of a request as it arrived (anything may): a malformed request, or run, gets no
 * checks rather than an error, and a run is never judged on a guess.
 */
export function answerClaims(request: unknown): ClaimsAnswer {
  if (!isObj(request) || !Array.isArray(request.runs) || !isObj(request.claims)) return [];
  const claims = request.claims as Record<number, ClaimHead[]>;
  const events = Array.isArray(request.events) ? (request.events as ClaimEventHead[]) : [];
  return request.runs.map((run) => checkOne(run, claims, events));
}
