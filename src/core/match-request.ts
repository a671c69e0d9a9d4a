// Finding mentions asked of the extension's background: the content script sends the text its
// walk read (short runs joined, as the scan searches them) and the page's title, and gets the
// mentions back with what the title says. The background's matcher stays compiled and optimised
// from page to page, where the page's own would run cold on every page's main thread (its first
// search of a title alone cost a page 4 ms, measured): so a page loads its own matcher only when it
// must search there (the background doesn't answer, own packs, a run too long to send) or when
// its walk has asked about enough blocks for passing over them to pay (a table's rows).

import { answeredWithin } from './answer-time';
import { isObj } from './guards';
import { type MatchOptions, type Matcher, type Mention, prepareText } from './matcher';

export interface MatchRequest {
  text: string;
  /** The page's title, read by the background as the page's own search reads it (TitleReading). */
  title: string;
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

/**
 * What a page's title says of the whole page: whether it names both sides of the dispute (then
 * MatchOptions.pageHasContext), and the topics whose look-alikes it names ("Etorofu-class escort
 * ship"), which shadow those topics' names on the page (MatchTriage).
 */
export interface TitleReading {
  context: boolean;
  lookalikes: number[];
}

/** A match request's answer: the text's mentions and look-alikes, and what the title says (if it was read). */
export interface AskedAnswer extends MatchAnswer {
  title?: TitleReading;
}

/** The title read with a matcher: a title naming a look-alike is about that, not the dispute. */
export function readTitle(matcher: Matcher, title: string): TitleReading {
  const lookalikes: number[] = [];
  matcher.findAll(title, { onLookalike: (topic) => lookalikes.push(topic) });
  return { context: lookalikes.length === 0 && matcher.hasContext(title), lookalikes };
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

/** A text and a title searched with a matcher, the title first (its reading decides the page's context). */
function answerWith(matcher: Matcher, text: string, title: string): AskedAnswer {
  const reading = readTitle(matcher, title);
  return { ...findWithLookalikes(matcher, text, { pageHasContext: reading.context }), title: reading };
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
export function answerMatch(matcher: Matcher, request: unknown): AskedAnswer {
  if (!isObj(request) || typeof request.text !== 'string') return { mentions: [], lookalikes: [], title: { context: false, lookalikes: [] } };
  return answerWith(matcher, request.text, typeof request.title === 'string' ? request.title : '');
}

/**
 * The page's side: an answer as it arrived, or null (then the page matches the text itself) unless
 * every mention lies in order inside the text, and every mention and look-alike names one of the
 * corpus's `topics` topics.
 */
export function readMatchAnswer(answer: unknown, length: number, topics: number): AskedAnswer | null {
  if (!isObj(answer) || !Array.isArray(answer.mentions) || !Array.isArray(answer.lookalikes) || !isObj(answer.title)) return null;
  let after = 0;
  for (const m of answer.mentions) {
    if (!isMentionIn(m, after, length) || m.topic >= topics) return null;
    after = m.end;
  }
  const isTopic = (t: unknown) => isWithin(t, 0, topics - 1);
  const fits = (l: unknown) => isObj(l) && isTopic(l.topic) && isWithin(l.start, 0, length);
  if (!answer.lookalikes.every(fits)) return null;
  const { context, lookalikes } = answer.title;
  if (typeof context !== 'boolean' || !Array.isArray(lookalikes) || !lookalikes.every(isTopic)) return null;
  return { mentions: answer.mentions as Mention[], lookalikes: answer.lookalikes as Lookalike[], title: { context, lookalikes } };
}

/**
 * The page's side of the built-in corpus: its text searched by the background, the page's own
 * matcher (Matcher) loaded only on need.
 */
export interface AskingMatcher {
  /** A text's mentions, its look-alikes and the title's reading: searched here when the background doesn't answer. */
  ask(text: string, title: string): Promise<AskedAnswer>;
  /**
   * Matcher.mayName once the page's matcher is loaded, for the walk's block probe; null before.
   * Asked often enough (a page of many blocks), it loads the matcher.
   */
  nameTest(): ((text: string) => boolean) | null;
  /** The page's own matcher, loaded on the first call. */
  local(): Promise<Matcher>;
  /** Requests asked so far, on this page (scan.ts sizes its batches by it). */
  requests(): number;
}

/** A matcher of the page's corpus: searching in place, or asking the background. */
export type PageMatcher = Matcher | AskingMatcher;

export const asksBackground = (m: PageMatcher): m is AskingMatcher => 'ask' in m;

/**
 * Blocks the walk would ask about (the block probe's candidates, over the page's life, rescans
 * included) before the page's matcher is loaded for its probe: an article has fewer (and is walked
 * faster than its matcher would load), a table's rows, a long list or a long feed many more.
 */
export const PROBE_LOAD_AFTER = 256;

/** Nothing found, and nothing read of the title (the next answer's reading is taken). */
const NOTHING: AskedAnswer = Object.freeze({ mentions: [], lookalikes: [] });

export interface AskingOptions {
  ask: AskMatches;
  /** Reads the page's own matcher (called again only if a read failed). */
  local: () => Promise<Matcher>;
  /** The corpus's topic count, what an answer's topics are checked against. */
  topics: number;
}

/** The built-in corpus searched through the background. */
export function askingBackground({ ask, local, topics }: AskingOptions): AskingMatcher {
  let loaded: Matcher | null = null;
  let loading: Promise<Matcher> | null = null;
  let probed = 0;
  let requests = 0;
  // Read once; a read that fails or hangs (a broken install, a page frozen mid-read) is tried again next time.
  const load = () =>
    (loading ??= answeredWithin(local()).then(
      (m) => (loaded = m),
      (e: unknown) => {
        loading = null;
        throw e;
      },
    ));
  const here = (text: string, title: string) => load().then((m) => answerWith(m, text, title));
  return {
    local: load,
    requests: () => requests,
    async ask(text, title) {
      requests++;
      // No deadline of its own: the port's (work-port.ts) knows when the page was hidden meanwhile.
      const answer = await ask({ text, title }).then(
        (a) => readMatchAnswer(a, text.length, topics),
        () => null,
      );
      // Without the page's matcher either (a broken install), the text shows nothing rather than failing the scan.
      return answer ?? here(text, title).catch(() => NOTHING);
    },
    nameTest() {
      if (loaded) return loaded.mayName;
      // Every PROBE_LOAD_AFTER blocks, so a read that failed is tried again, but not per block.
      if (++probed % PROBE_LOAD_AFTER === 0) void load().catch(() => undefined);
      return null;
    },
  };
}
