// Claim checks: where a page states a date or a number about a topic it mentions, compare it
// with what the sources say. Only a value the sentence's structure ties to the topic's event is
// judged (statement-ties.ts); anything else is left alone rather than guessed at.

import { dayApart, findCounts, findDates, type Found, mayStateValue, sameDate, sameDayAlone } from './claim-values';
import type { ClaimEventHead, ClaimHead, DateParts } from './corpus-types';
import type { Mention } from './matcher';
import { escapeRegExp, LETTERS, UPPER_LETTERS } from './regexp';
import { sentenceAround, sentenceEnds } from './sentences';
import { isStatedAbout, type ValueKind } from './statement-ties';

export type Verdict = 'agrees' | 'conflict' | 'disputed';

export interface ClaimCheck {
  start: number;
  end: number;
  topic: number;
  verdict: Verdict;
  /** Indexes into the topic's claims that this statement was compared with. */
  claims: number[];
  /** The page's statement as written. */
  stated: string;
  /** The sentence it was judged in, whitespace collapsed (for a journalist's report). */
  sentence: string;
}

/** A claim compared with a statement's value: the claim's index and whether they agree. */
interface Compared {
  i: number;
  same: boolean;
}

/** The check of a value found at `offset` + its place, against the topic's claims it was compared with. */
function checkOf(offset: number, value: Found<unknown>, topic: number, compared: readonly Compared[], sentence: string): ClaimCheck {
  return {
    start: offset + value.start,
    end: offset + value.end,
    topic,
    verdict: verdictOf(compared.map((c) => c.same)),
    claims: compared.map((c) => c.i),
    stated: value.text,
    sentence,
  };
}

function verdictOf(results: boolean[]): Verdict {
  if (results.every((r) => r)) return 'agrees';
  if (results.some((r) => r)) return 'disputed';
  return 'conflict';
}

/** Words a phrase's "…" stands for: "met with … in Singapore" takes "met with Russian President Vladimir Putin in Singapore". */
const MAX_GAP_WORDS = 6;
const GAP = '…';
/**
 * A word the gap may hold: a name or a title, not a verb or a place of its own ("met Putin again
 * after their talks in Singapore" is another meeting).
 */
const GAP_WORD = `(?:[${UPPER_LETTERS}][${LETTERS}.'’-]*|with|and|President|Prime|Minister|Russian|Japanese|Chinese)`;

/** Compiled once per phrase: every sentence naming an event's partners is read for its phrases. */
const phrasePatterns = new Map<string, RegExp>();

function phrasePattern(phrase: string): RegExp {
  let re = phrasePatterns.get(phrase);
  if (!re) {
    const parts = phrase.split(GAP).map((p) => escapeRegExp(p.trim()).replace(/ /g, '\\s+'));
    re = new RegExp(parts.join(`(?:\\s+${GAP_WORD}){0,${MAX_GAP_WORDS}}?\\s+`));
    phrasePatterns.set(phrase, re);
  }
  return re;
}

/**
 * Between the partners and the event they did: nothing but a title and a subject particle
 * (…プーチン大統領は…に), then not someone's own subject. A possessive ("Putin's foreign
 * ministers met", "プーチン大統領の側近が") or a subject of its own ("…は、両国の外相が…会談した") makes it
 * someone else's event; a の in the object ("…は…大使館の外交官ら8人の国外退去を要請した") or a が in a
 * clause about a place ("…は、…サミットが開かれるシンガポールで会談した") alone doesn't.
 */
const SUBJECT_TO_EVENT = /^(?:\s*|(?:大統領|首相|総理|氏)?(?:は|が)(?:[^の]*|[^が。]*))$/;

/** The partners did it: each named right before the phrase (joined by "and", と, и) or inside it. */
function partnersDid(sentence: string, phrase: { start: number; end: number }, partners: readonly Mention[]): boolean {
  const before = partners.filter((m) => m.end <= phrase.start);
  if (before.length === 0) return false;
  if (!partners.every((m) => m.end <= phrase.start || (m.start >= phrase.start && m.end <= phrase.end))) return false;
  const last = before.reduce((a, b) => (b.end > a.end ? b : a));
  const between = sentence.slice(last.end, phrase.start);
  if (!SUBJECT_TO_EVENT.test(between)) return false;
  // A が or の after the subject: the partner's own clause only ("…が開かれるシンガポールで会談した",
  // not "両外相が…シンガポールで会談したことを歓迎した"). A の in the object: the object only ("…大使館の外交官ら8人の国外退去を要請した"), not another's act
  // ("…ポーランドによるロシアの外交官45人の国外追放に抗議した", "…の国外追放を発表した"): the phrase
  // ends the partner's own clause.
  const after = sentence.slice(phrase.end);
  // Past the partner's own subject particle, any other subject ("…は、ドイツも…を決めたことについて") makes it another's act.
  const inner = between.replace(/^(?:大統領|首相|総理|氏)?(?:は|が)/, '');
  const ownClause = OWN_CLAUSE_END.test(after) || (!OTHER_SUBJECT.test(inner) && SPOKEN_OF.test(after));
  return !/[のが]/.test(between) || (!/による|によって|側の/.test(between) && ownClause);
}

/** The partner's verb ending its clause right after the phrase: "要請した。", "求め、", "国外追放した". */
const OWN_CLAUSE_END = /^(?:した|する|し|しました|します|た|ました|る)?(?:[、。]|$)/;
/**
 * The partner's act as what they go on to speak of ("…の国外追放を決めたことについて説明した"), when
 * no other subject stands between them ("…は、両外相が…会談したことを歓迎した" is someone else's act).
 */
const SPOKEN_OF = /^(?:した|た)こと(?:について|を|に関して)/;
/** Another subject: "…が", "ドイツも", "米政府は", "米国でも". */
const OTHER_SUBJECT = /が|[\p{sc=Han}\p{sc=Katakana}ー](?:は|も)|でも/u;

/**
 * Events a sentence writes without their names ("Abe and Putin met in Singapore on …"): a phrase
 * of the event's, done by its partner topics (the sentence names each right before the phrase or
 * inside it), in a sentence that doesn't name the event itself. Offsets are the sentence's.
 */
function unnamedEvents(sentence: string, offset: number, inSentence: readonly Mention[], events: readonly ClaimEventHead[]): Mention[] {
  const out: Mention[] = [];
  for (const e of events) {
    if (inSentence.some((m) => m.topic === e.topic)) continue;
    const partners = inSentence.filter((m) => e.with.includes(m.topic)).map((m) => ({ ...m, start: m.start - offset, end: m.end - offset }));
    if (!e.with.every((t) => partners.some((m) => m.topic === t))) continue;
    for (const phrase of e.phrases) {
      const found = phrasePattern(phrase).exec(sentence);
      if (!found) continue;
      const at = { start: found.index, end: found.index + found[0].length };
      if (!partnersDid(sentence, at, partners)) continue;
      out.push({ start: offset + at.start, end: offset + at.end, topic: e.topic, alias: phrase, rule: 'context' });
      break;
    }
  }
  return out;
}

/**
 * Checks the statements of one run of text against the claims of the topics mentioned in it.
 * A sentence is judged on the one date its structure ties to a mentioned event (none when two
 * are), and on a count only when it states one; never on a value inside a name ("the 1956
 * Declaration was signed in 1957" judges 1957).
 * `others`: names found but not shown (held back, or in a category switched off): their words are
 * not values either.
 */

/** Full-width digits ("２０２２年３月２１日", "８人"), common in Japanese copy, and their distance from ASCII's. */
const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

/** The same text with ASCII digits, one character for one: every offset stays the page's. */
function halfWidthDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - FULL_WIDTH_OFFSET));
}

export function checkClaims(
  text: string,
  mentions: Mention[],
  claims: Record<number, ClaimHead[]>,
  events: readonly ClaimEventHead[] = [],
  others: readonly Mention[] = [],
): ClaimCheck[] {
  const out: ClaimCheck[] = [];
  const sentences = new Map<string, Mention[]>();
  const ends = sentenceEnds(text);
  for (const m of mentions) {
    const key = sentenceAround(text, m.start, m.end, ends).join(':');
    sentences.set(key, [...(sentences.get(key) ?? []), m]);
  }
  for (const [key, named] of sentences) {
    const [s, e] = key.split(':').map(Number) as [number, number];
    const asOnPage = text.slice(s, e);
    const sentence = halfWidthDigits(asOnPage);
    if (!mayStateValue(sentence)) continue;
    const unnamed = unnamedEvents(sentence, s, named, events);
    const inSentence = [...named, ...unnamed];
    /** Named unambiguously, or written as its partners doing its phrase ("Abe and Putin met in Singapore"). */
    const plainlyNamed = (m: Mention) => m.rule === 'alias' || unnamed.includes(m);
    const asWritten = asOnPage.replace(/\s+/g, ' ').trim();
    /** A value as the page writes it (its digits may be full-width). */
    const shown = <T>(f: Found<T>): Found<T> => ({ ...f, text: asOnPage.slice(f.start, f.end) });
    const outsideMentions = <T>(f: Found<T>) => ![...mentions, ...others].some((x) => x.start < s + f.end && x.end > s + f.start);
    if (!inSentence.some((m) => claims[m.topic]?.length)) continue;
    /**
     * The one topic a value is stated about, by the sentence's structure, among the mentions
     * whose topic makes this kind of claim; none (and nothing is judged) when no mention or more
     * than one topic is tied to it.
     */
    /** Whether a claim is checked through the alias this mention was found by (ClaimHead.via). */
    const via = (h: ClaimHead, m: Mention) => !h.via || h.via.includes(m.alias);
    const about = (f: Found<unknown>, kind: ValueKind, makes: (m: Mention) => boolean) => {
      const tied = inSentence.filter((m) => makes(m) && isStatedAbout(sentence, f, { start: m.start - s, end: m.end - s }, kind, plainlyNamed(m)));
      return new Set(tied.map((m) => m.topic)).size === 1 ? tied[0] : undefined;
    };

    // Of the sentence's dates, the one its structure ties to a topic making date claims; none if
    // more than one is ("The Soviet-Japanese War of 1945 … began on August 9, 1945": neither).
    const makesDate = (x: Mention) => !!claims[x.topic]?.some((c) => c.attribute === 'date' && via(c, x));
    const dates = withoutRanges(sentence, findDates(sentence)).filter(outsideMentions);
    /** Another date between a value and its event: the value reaches past it, so it is not the event's ("2022年2月24日、…開始し、3月21日には…中断した"). */
    const passesAnother = (d: Found<DateParts>, m: Mention) => {
      const [from, to] = d.end <= m.start - s ? [d.end, m.start - s] : [m.end - s, d.start];
      return dates.some((x) => x !== d && x.start >= from && x.end <= to);
    };
    const tied = dates.flatMap((d) => {
      const m = about(d, 'date', makesDate);
      return m && !passesAnother(d, m) ? [{ d, m }] : [];
    });
    if (tied.length === 1) {
      const { d, m } = tied[0]!;
      // A claim without a year ("21 March") says nothing about a statement with another year
      // ("20 February 2014" about a war the source dates "February 24" in 2022): it may be
      // another year's event of the same kind. Stated in the source's own year, it is compared.
      const yearComparable = (h: ClaimHead & { attribute: 'date' }) =>
        h.value.year !== undefined || d.value.year === undefined || d.value.year === h.sourceYear;
      const heads = claims[m.topic]!.flatMap((h, i) => (h.attribute === 'date' && yearComparable(h) && via(h, m) ? [{ h, i }] : []));
      // A day off a source's date may be the same moment in another time zone: not judged at all.
      const judged = heads.some(({ h }) => dayApart(d.value, { year: h.sourceYear, ...h.value }))
        ? []
        : heads
            .map(({ h, i }) => ({ i, same: sameDate(d.value, h.value) ?? sameDayAlone(d.value, h.value) }))
            .filter((c): c is Compared => c.same !== null);
      if (judged.length) out.push(checkOf(s, shown(d), m.topic, judged, asWritten));
    }

    const unitGroups = new Map<string, string[]>();
    for (const m of inSentence) for (const h of claims[m.topic] ?? []) if (h.attribute === 'count') unitGroups.set(h.units.join('|'), h.units);
    for (const [group, units] of unitGroups) {
      const counts = findCounts(sentence, units).filter(outsideMentions);
      if (counts.length !== 1) continue;
      const c = counts[0]!;
      const sameGroup = (h: ClaimHead) => h.attribute === 'count' && h.units.join('|') === group;
      const m = about(c, 'count', (x) => !!claims[x.topic]?.some((h) => sameGroup(h) && via(h, x)));
      // An act written without its name recurs (Japan expelled a Russian consul in September 2022
      // too): its count is judged only where the sentence doesn't date it by month or year.
      if (!m || (unnamed.includes(m) && dates.some((d) => d.value.month !== undefined || d.value.year !== undefined))) continue;
      const compared = claims[m.topic]!.flatMap((h, i) =>
        h.attribute === 'count' && sameGroup(h) && via(h, m) ? [{ i, same: h.value === c.value }] : [],
      );
      out.push(checkOf(s, shown(c), m.topic, compared, asWritten));
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** What joins two dates into a range: "8 августа – 2 сентября 1945", "8月9日〜9月2日", "8 August to 2 September", "с 8 по 9". */
const RANGE_JOIN = /^\s*(?:[-\u2010-\u2015\u2212\u301c\uff5e]|to|through|till|until|по|から)\s*$/i;

/**
 * The dates that aren't an end of a range: a war "(8 августа – 2 сентября 1945)" is dated by
 * convention, and its first day needn't be the day a source gives for the event itself.
 */
function withoutRanges(sentence: string, dates: Array<Found<DateParts>>): Array<Found<DateParts>> {
  const inRange = (a: Found<DateParts> | undefined, b: Found<DateParts> | undefined) => !!a && !!b && RANGE_JOIN.test(sentence.slice(a.end, b.start));
  return dates.filter((d, i) => !inRange(dates[i - 1], d) && !inRange(d, dates[i + 1]));
}

/** Whether a quote states a claim's value (used by the corpus validator). */
export function quoteStates(quote: string, claim: ClaimHead): boolean {
  if (claim.attribute === 'count') return findCounts(quote, claim.units).some((c) => c.value === claim.value);
  return findDates(quote).some((d) => {
    const v = claim.value;
    return (['year', 'month', 'day'] as const).every((k) => v[k] === undefined || d.value[k] === v[k]);
  });
}
