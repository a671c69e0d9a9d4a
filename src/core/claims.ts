// Claim checks: where a page states a date or a number about a topic it mentions, compare it
// with what the sources say. Only a value the sentence's structure ties to the topic's event is
// judged (statement-ties.ts); anything else is left alone rather than guessed at.

import { dayApart, findCounts, findDates, type Found, mayStateValue, sameDate, sameDayAlone } from './claim-values';
import type { ClaimEventHead, ClaimHead, DateParts } from './corpus-types';
import { countsOpposed } from './opposed-counts';
import { objectsOf, ownActsIn, ownSubject, recurs, unnamedEvents } from './claim-events';
import { datedValues } from './dated-events';
import type { Mention } from './matcher';
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

/**
 * Checks the statements of one run of text against the claims of the topics mentioned in it.
 * A sentence is judged on the one date its structure ties to a mentioned event (none when two
 * are), and on a count only when it states one; never on a value inside a name ("the 1956
 * Declaration was signed in 1957" judges 1957).
 * `others`: names found but not shown (held back, or in a category switched off): their words are
 * not values either.
 */

/** A unit that says whose the counted are: more than one word ("Russian diplomats", "ロシア…外交官"). */
const SAYS_WHOSE = (unit: string) => /\s|…/.test(unit);

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
  const dated: ClaimCheck[] = [];
  for (const [key, named] of sentencesOf(text, mentions, events)) {
    const [s, e] = key.split(':').map(Number) as [number, number];
    const asOnPage = text.slice(s, e);
    const sentence = halfWidthDigits(asOnPage);
    if (!mayStateValue(sentence)) continue;
    const unnamed = unnamedEvents(sentence, s, named, events);
    const inSentence = [...named, ...unnamed];
    /**
     * Named unambiguously, or written as its partners doing its phrase ("Abe and Putin met in
     * Singapore"), or by a name the corpus gives for the very event its claims are about
     * (`claimsVia`: "ES-11/1", found in context only as its topic needs context).
     */
    const plainlyNamed = (m: Mention) => m.rule === 'alias' || unnamed.includes(m) || !!claims[m.topic]?.some((h) => h.via?.includes(m.alias));
    const asWritten = asOnPage.replace(/\s+/g, ' ').trim();
    /** A value as the page writes it (its digits may be full-width). */
    const shown = <T>(f: Found<T>): Found<T> => ({ ...f, text: asOnPage.slice(f.start, f.end) });
    const outsideMentions = <T>(f: Found<T>, except: readonly Mention[] = []) =>
      ![...mentions, ...others].some((x) => !except.includes(x) && x.start < s + f.end && x.end > s + f.start);
    // An event told by its date ("the General Assembly adopted it on 2 March 2022 by 141 votes"): kept for after, a value judged otherwise first.
    for (const v of datedValues(sentence, inSentence, events, claims)) dated.push(checkOf(s, shown(v.value), v.topic, v.compared, asWritten));
    if (!inSentence.some((m) => claims[m.topic]?.length)) continue;
    /**
     * The one topic a value is stated about, by the sentence's structure, among the mentions
     * whose topic makes this kind of claim; none (and nothing is judged) when no mention or more
     * than one topic is tied to it.
     */
    /** Whether a claim is checked through the alias this mention was found by (ClaimHead.via). */
    /** …or an unnamed event's phrase, which the corpus gives for that event alone. */
    const via = (h: ClaimHead, m: Mention) => !h.via || h.via.includes(m.alias) || unnamed.includes(m);
    const about = (f: Found<unknown>, kind: ValueKind, makes: (m: Mention) => boolean) => {
      const tied = inSentence.filter(
        (m) =>
          makes(m) &&
          !bySharedNameAlone(m, inSentence, claims) &&
          isStatedAbout(sentence, f, { start: m.start - s, end: m.end - s }, kind, plainlyNamed(m)),
      );
      return new Set(tied.map((m) => m.topic)).size === 1 ? tied[0] : undefined;
    };

    // Of the sentence's dates, the one its structure ties to each event making date claims; none
    // for an event two are tied to ("The Soviet-Japanese War of 1945 … began on August 9, 1945").
    const makesDate = (x: Mention) => !!claims[x.topic]?.some((c) => c.attribute === 'date' && via(c, x));
    const dates = withoutRanges(sentence, findDates(sentence)).filter((f) => outsideMentions(f));
    /** Another date between a value and its event: the value reaches past it, so it is not the event's ("2022年2月24日、…開始し、3月21日には…中断した"). */
    const passesAnother = (d: Found<DateParts>, m: Mention) => {
      const [from, to] = d.end <= m.start - s ? [d.end, m.start - s] : [m.end - s, d.start];
      return dates.some((x) => x !== d && x.start >= from && x.end <= to);
    };
    const tied = dates.flatMap((d) => {
      const m = about(d, 'date', makesDate);
      return m && !passesAnother(d, m) ? [{ d, m }] : [];
    });
    // One date per event: two tied to the same event leave it alone; another event's is its own.
    for (const { d, m } of tied.filter((t) => tied.filter((u) => u.m.topic === t.m.topic).length === 1)) {
      const recurring = recurs(m, events);
      const heads = claims[m.topic]!.flatMap((h, i) =>
        h.attribute === 'date' && yearComparable(d.value, h, recurring) && via(h, m) ? [{ h, i }] : [],
      );
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
      // A count in a name that is an unnamed act's object is the act's ("Japan expelled [eight Russian diplomats]").
      const objects = objectsOf(text, unnamed, [...mentions, ...others]);
      const counts = findCounts(sentence, units).filter((f) => outsideMentions(f, objects) && !countsOpposed(sentence, f));
      if (counts.length !== 1) continue;
      const c = counts[0]!;
      const sameGroup = (h: ClaimHead) => h.attribute === 'count' && h.units.join('|') === group;
      const m = about(c, 'count', (x) => !!claims[x.topic]?.some((h) => sameGroup(h) && via(h, x)));
      // An act written without its name recurs (Japan expelled a Russian consul in September 2022
      // too): its count is judged only where the sentence doesn't date it by month or year.
      if (!m || (unnamed.includes(m) && dates.some((d) => d.value.month !== undefined || d.value.year !== undefined))) continue;
      // A phrase naming its own subject ("Japan expelled") has no partner to say what the page is
      // about: its count must say whose ("Russian diplomats", not "diplomats": Japan has expelled others').
      if (ownSubject(m, events) && !findCounts(sentence, units.filter(SAYS_WHOSE)).some((x) => x.start === c.start)) continue;
      const compared = claims[m.topic]!.flatMap((h, i) =>
        h.attribute === 'count' && sameGroup(h) && via(h, m) ? [{ i, same: h.value === c.value }] : [],
      );
      out.push(checkOf(s, shown(c), m.topic, compared, asWritten));
    }
  }
  out.push(...dated.filter((d) => !out.some((c) => c.start < d.end && d.start < c.end)));
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Whether a mention was found by a name other events share ("the Joint Declaration": Japan and
 * South Korea signed one in 1998; "the Singapore summit": Trump and Kim met there in 2018) in a
 * sentence that names no other topic: what it says may be about any of them, so
 * no value is judged through it. With another topic named ("Hosokawa and Yeltsin signed the Tokyo
 * Declaration"), the sentence is about this dispute's event.
 */
function bySharedNameAlone(m: Mention, inSentence: readonly Mention[], claims: Record<number, ClaimHead[]>): boolean {
  if (!claims[m.topic]?.[0]?.shared?.includes(m.alias)) return false;
  return !inSentence.some((x) => x.topic !== m.topic);
}

/**
 * A claim without a year ("21 March") says nothing about a statement with another year ("20
 * February 2014" about a war the source dates "February 24" in 2022): it may be another year's event
 * of the same kind. Stated in the source's own year, it is compared. An act that recurs, written
 * without its name, may be another of its kind in another year (the Soviet Union invaded Manchuria
 * in 1929 too, entered the war on 22 June 1941): only a date stating the claim's year is compared.
 */
function yearComparable(stated: DateParts, h: ClaimHead & { attribute: 'date' }, recurring: boolean): boolean {
  if (recurring) return stated.year !== undefined && stated.year === (h.value.year ?? h.sourceYear);
  return h.value.year !== undefined || stated.year === undefined || stated.year === h.sourceYear;
}

/** The sentences to read ("start:end") and the mentions in each. */
function sentencesOf(text: string, mentions: readonly Mention[], events: readonly ClaimEventHead[]): Map<string, Mention[]> {
  const sentences = new Map<string, Mention[]>();
  const ends = sentenceEnds(text);
  for (const m of mentions) {
    const key = sentenceAround(text, m.start, m.end, ends).join(':');
    sentences.set(key, [...(sentences.get(key) ?? []), m]);
  }
  // A sentence whose act names its own subject is read though it names no topic ("Japan expelled 11 Russian diplomats").
  for (const at of ownActsIn(text, events)) {
    const key = sentenceAround(text, at, at + 1, ends).join(':');
    if (!sentences.has(key)) sentences.set(key, []);
  }
  return sentences;
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
