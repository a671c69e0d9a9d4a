// Finding mentions asked of the extension's background: the content script sends the text its
// walk read (short runs joined, as the scan searches them) and gets the mentions back. The
// background's matcher stays compiled and optimised from page to page, where the page's own would
// run cold on every page's main thread. The page keeps its matcher for what can't wait for an
// answer (the walk's block probe, the title) and for any text the background doesn't answer.

import { answeredWithin } from './answer-time';
import { isObj } from './guards';
import { type MatchOptions, type Matcher, type Mention, prepareText } from './matcher';

export interface MatchRequest {
  text: string;
  /** MatchOptions.pageHasContext, decided before asking. */
  pageHasContext: boolean;
}

/** A look-alike read in the text: the topic it resembles, and where it starts. */
export interface Lookalike {
  topic: number;
  start: number;
}

export interface MatchAnswer {
  mentions: Mention[];
  /** The look-alikes the text names, in order, as MatchOptions.onLookalike would be told. */
  lookalikes: Lookalike[];
}

/** A text's mentions and look-alikes found in place (what the background answers, and what the page does without it). */
export function findWithLookalikes(matcher: Matcher, text: string, options: MatchOptions): MatchAnswer {
  const lookalikes: Lookalike[] = [];
  const mentions = matcher.findIn(prepareText(text), 0, text.length, {
    ...options,
    onLookalike: (topic, start) => lookalikes.push({ topic, start }),
  });
  return { mentions, lookalikes };
}

/** Asks the background; rejects when it can't answer (the extension being updated, a restart). */
export type AskMatches = (request: MatchRequest) => Promise<unknown>;

const RULES: ReadonlySet<unknown> = new Set<Mention['rule']>(['alias', 'context', 'page']);

/** An integer in [from, to]. */
const isWithin = (v: unknown, from: number, to: number): v is number => Number.isInteger(v) && (v as number) >= from && (v as number) <= to;

/**
 * A mention as a message carries it (anything may arrive): a stretch of text from `from` on and
 * within `length`, naming a topic by its number, found by one of the matcher's rules.
 */
export function isMentionIn(v: unknown, from: number, length: number): v is Mention {
  if (!isObj(v) || !isWithin(v.start, from, length) || !isWithin(v.end, (v.start as number) + 1, length)) return false;
  const flags = RULES.has(v.rule) && (v.deferred === undefined || typeof v.deferred === 'boolean');
  return isWithin(v.topic, 0, Number.MAX_SAFE_INTEGER) && typeof v.alias === 'string' && flags;
}

/** The background's side: a request as it arrived (anything may), answered with the built-in corpus's matcher. */
export function answerMatch(matcher: Matcher, request: unknown): MatchAnswer {
  if (!isObj(request) || typeof request.text !== 'string') return { mentions: [], lookalikes: [] };
  return findWithLookalikes(matcher, request.text, { pageHasContext: request.pageHasContext === true });
}

/**
 * The page's side: an answer as it arrived, or null (then the page matches the text itself) unless
 * every mention lies in order inside the text and names one of the corpus's `topics` topics.
 */
export function readMatchAnswer(answer: unknown, length: number, topics: number): MatchAnswer | null {
  if (!isObj(answer) || !Array.isArray(answer.mentions) || !Array.isArray(answer.lookalikes)) return null;
  let after = 0;
  for (const m of answer.mentions) {
    if (!isMentionIn(m, after, length) || m.topic >= topics) return null;
    after = m.end;
  }
  const fits = (l: unknown) => isObj(l) && isWithin(l.topic, 0, topics - 1) && isWithin(l.start, 0, length);
  if (!answer.lookalikes.every(fits)) return null;
  return { mentions: answer.mentions as Mention[], lookalikes: answer.lookalikes as Lookalike[] };
}

/** MatchOptions.pageHasContext as a value (asked now if it is a function). */
export function decidedContext(options: MatchOptions): boolean {
  return typeof options.pageHasContext === 'function' ? options.pageHasContext() : !!options.pageHasContext;
}

/**
 * The built-in corpus's matcher, searching through the background (Matcher.ask): `topics` is the
 * corpus's topic count, what an answer's topics are checked against.
 */
export function askingBackground(matcher: Matcher, ask: AskMatches, topics: number): Matcher {
  const asked = async (text: string, options: MatchOptions): Promise<MatchAnswer | null> =>
    readMatchAnswer(await answeredWithin(ask({ text, pageHasContext: decidedContext(options) })), text.length, topics);
  return {
    findAll: matcher.findAll,
    findIn: matcher.findIn,
    hasContext: matcher.hasContext,
    mayName: matcher.mayName,
    // A getter, as the matcher's own: most pages never decode the context words.
    get context() {
      return matcher.context;
    },
    ask: (text, options) => asked(text, options).catch(() => null),
  };
}
