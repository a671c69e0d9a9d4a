// Claim checks: where a page states a date or a number about a topic it mentions, compare it
// with what the sources say. Only a value the sentence's structure ties to the topic's event is
// judged (statement-ties.ts); anything else is left alone rather than guessed at.

import type { ClaimEventHead, ClaimHead, DateParts } from './corpus-types';
import type { Mention } from './matcher';
import { DIGITS, escapeRegExp, LETTERS, SPACED_WORD, UPPER_LETTERS } from './regexp';
import { isStatedAbout, type ValueKind } from './statement-ties';
import { lowerKeepingLength } from './text-fold';

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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Dates are read in lower-cased text (compiling with the `i` flag costs a page several times as
// much). A full stop only after an abbreviation ("Nov."): after "March" it ends the sentence.
const MONTH =
  '(january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(1[89]\\d\\d|20\\d\\d)';
/** Russian month names: "14 ноября 2018 года" (genitive), "в октябре 1993 года" (prepositional). */
const RU_MONTHS_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const RU_MONTHS_PREPOSITIONAL = [
  'январе',
  'феврале',
  'марте',
  'апреле',
  'мае',
  'июне',
  'июле',
  'августе',
  'сентябре',
  'октябре',
  'ноябре',
  'декабре',
];
const RU_GENITIVE = `(${RU_MONTHS_GENITIVE.join('|')})`;
const RU_PREPOSITIONAL = `(${RU_MONTHS_PREPOSITIONAL.join('|')})`;
const ruMonth = (name: string) => Math.max(RU_MONTHS_GENITIVE.indexOf(name.toLowerCase()), RU_MONTHS_PREPOSITIONAL.indexOf(name.toLowerCase())) + 1;

/** Each pattern and how its groups map to date parts. Longest first: the first match at a place wins. */
type DatePattern = [RegExp, (m: RegExpExecArray) => DateParts];
/** Built on first use: the content script bundles this module, and most pages never check a date. */
let datePatterns: DatePattern[] | null = null;
const makeDatePatterns = (): DatePattern[] => [
  [new RegExp(`${YEAR}年(\\d{1,2})月(\\d{1,2})日`, 'y'), (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]! })],
  [new RegExp(`${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, 'y'), (m) => ({ day: +m[1]!, month: month(m[2]!), year: +m[3]! })],
  [new RegExp(`${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'y'), (m) => ({ month: month(m[1]!), day: +m[2]!, year: +m[3]! })],
  [new RegExp(`${YEAR}-(\\d{2})-(\\d{2})\\b`, 'y'), (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]! })],
  [new RegExp(`${DAY}\\s+${RU_GENITIVE}\\s+${YEAR}(?!\\d)`, 'y'), (m) => ({ day: +m[1]!, month: ruMonth(m[2]!), year: +m[3]! })],
  [new RegExp(`${RU_PREPOSITIONAL}\\s+${YEAR}(?!\\d)`, 'y'), (m) => ({ month: ruMonth(m[1]!), year: +m[2]! })],
  [new RegExp(`${DAY}\\s+${RU_GENITIVE}(?![${LETTERS}])`, 'y'), (m) => ({ day: +m[1]!, month: ruMonth(m[2]!) })],
  [new RegExp(`${YEAR}年(\\d{1,2})月`, 'y'), (m) => ({ year: +m[1]!, month: +m[2]! })],
  [new RegExp(`${MONTH}\\s+${YEAR}\\b`, 'y'), (m) => ({ month: month(m[1]!), year: +m[2]! })],
  [new RegExp(`${DAY}\\s+${MONTH}(?![${LETTERS}])`, 'y'), (m) => ({ day: +m[1]!, month: month(m[2]!) })],
  [new RegExp(`${MONTH}\\s+${DAY}(?![\\d,]*\\d)`, 'y'), (m) => ({ month: month(m[1]!), day: +m[2]! })],
  [new RegExp(`${YEAR}年?(?!\\d)`, 'y'), (m) => ({ year: +m[1]! })],
];

const NUMBER_WORDS =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(
    ' ',
  );

function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

export interface Found<T> {
  start: number;
  end: number;
  text: string;
  value: T;
}

/**
 * Where a date may begin: a digit, or a month's name (English, or Russian in the prepositional
 * case); every date pattern starts with one of these.
 */
const DATE_START =
  /[0-9]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|январ|феврал|март|апрел|ма[еяй]|июн|июл|август|сентябр|октябр|ноябр|декабр/gi;
/** A letter or digit of a spaced script: a date doesn't begin right after one (mid-word). */
const MID_WORD = new RegExp(`[${SPACED_WORD}]`);

/** The longest date at i (the first pattern, in order, that matches there), if any. */
function dateAt(text: string, lower: string, i: number, patterns: readonly DatePattern[]): Found<DateParts> | null {
  for (const [re, parts] of patterns) {
    re.lastIndex = i;
    const m = re.exec(lower);
    if (!m) continue;
    const value = parts(m);
    if ((value.month !== undefined && (value.month < 1 || value.month > 12)) || (value.day !== undefined && (value.day < 1 || value.day > 31)))
      continue;
    return { start: i, end: i + m[0].length, text: text.slice(i, i + m[0].length), value };
  }
  return null;
}

/** Every date expression in text, longest at each place, left to right. */
export function findDates(text: string): Array<Found<DateParts>> {
  const out: Array<Found<DateParts>> = [];
  const patterns = (datePatterns ??= makeDatePatterns());
  const lower = lowerKeepingLength(text);
  for (let from = 0; ; ) {
    DATE_START.lastIndex = from;
    const start = DATE_START.exec(lower);
    if (!start) return out;
    const i = start.index;
    from = i + 1;
    // Mid-word is no place for a date, except in scripts written without spaces.
    if (i > 0 && MID_WORD.test(text[i - 1]!)) continue;
    const date = dateAt(text, lower, i, patterns);
    if (!date) continue;
    out.push(date);
    from = date.end;
  }
}

/** Compiled once per set of units: a page checks many sentences against the same few. */
const countPatterns = new Map<string, RegExp>();

function countPattern(units: string[]): RegExp {
  const unit = units.map(escapeRegExp).join('|');
  let re = countPatterns.get(unit);
  if (!re) {
    re = new RegExp(
      `(?<![${LETTERS}${DIGITS}])(\\d[\\d,]*|${NUMBER_WORDS.join('|')})(?:\\s+of\\s+the\\s+\\d[\\d,]*)?(?:\\s+[${LETTERS}.-]+){0,2}?\\s+(?:${unit})(?![${LETTERS}])`,
      'gi',
    );
    countPatterns.set(unit, re);
  }
  re.lastIndex = 0;
  return re;
}

/** Numbers followed (within two words, or "of the N") by one of the units: "141 of the 193 member states". */
export function findCounts(text: string, units: string[]): Array<Found<number>> {
  if (units.length === 0) return [];
  const re = countPattern(units);
  const out: Array<Found<number>> = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[1]!.toLowerCase();
    const value = NUMBER_WORDS.includes(word) ? NUMBER_WORDS.indexOf(word) : Number(word.replace(/,/g, ''));
    out.push({ start: m.index, end: m.index + m[1]!.length, text: m[1]!, value });
  }
  return out;
}

/** Compares the parts both dates give; null when they share none worth comparing. */
export function sameDate(a: DateParts, b: DateParts): boolean | null {
  const keys = (['year', 'month', 'day'] as const).filter((k) => a[k] !== undefined && b[k] !== undefined);
  // A day alone says nothing without its month.
  if (keys.length === 0 || (keys.length === 1 && keys[0] === 'day')) return null;
  return keys.every((k) => a[k] === b[k]);
}

/** Words whose full stop doesn't end a sentence. */
const ABBREVIATIONS = new Set(
  'jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st jr sr prof gen sen rep gov no vs etc e.g i.e u.s u.k u.n'.split(' '),
);

const WORD_BEFORE_STOP = new RegExp(`([${LETTERS}.]+)$`);
const ONE_LETTER = new RegExp(`^[${LETTERS}]$`);
/** Characters that may end a sentence (endsSentence decides). */
const STOPS = /[。!?.]/g;

function endsSentence(text: string, i: number): boolean {
  const ch = text[i]!;
  if (ch === '。' || ch === '!' || ch === '?') return true;
  if (ch !== '.' || (i + 1 < text.length && !/\s/.test(text[i + 1]!))) return false;
  const word = WORD_BEFORE_STOP.exec(text.slice(Math.max(0, i - 12), i))?.[1]?.toLowerCase() ?? '';
  return !ABBREVIATIONS.has(word) && !ONE_LETTER.test(word);
}

/** Where text's sentences end (the index of each one's last character), in order. */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  STOPS.lastIndex = 0;
  for (let m = STOPS.exec(text); m; m = STOPS.exec(text)) if (endsSentence(text, m.index)) ends.push(m.index);
  return ends;
}

/** The first of the sorted `ends` at or after `at`, as an index into them (ends.length if none). */
function firstEndFrom(ends: readonly number[], at: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentence of text around [start, end); `ends` (sentenceEnds of text) saves reading the text again. */
export function sentenceAround(text: string, start: number, end: number, ends: readonly number[] = sentenceEnds(text)): [number, number] {
  const before = firstEndFrom(ends, start) - 1;
  const s = before >= 0 ? ends[before]! + 1 : 0;
  const after = firstEndFrom(ends, end);
  const e = after < ends.length ? ends[after]! : text.length;
  return [s, Math.min(text.length, e + 1)];
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
 * (…プーチン大統領は…に). A possessive ("Putin's foreign ministers met", "プーチン大統領の側近が")
 * makes it someone else's event.
 */
const SUBJECT_TO_EVENT = /^(?:\s*|(?:大統領|首相|総理|氏)?(?:は|が)[^の]*)$/;

/** The partners did it: each named right before the phrase (joined by "and", と, и) or inside it. */
function partnersDid(sentence: string, phrase: { start: number; end: number }, partners: readonly Mention[]): boolean {
  const before = partners.filter((m) => m.end <= phrase.start);
  if (before.length === 0) return false;
  if (!partners.every((m) => m.end <= phrase.start || (m.start >= phrase.start && m.end <= phrase.end))) return false;
  const last = before.reduce((a, b) => (b.end > a.end ? b : a));
  return SUBJECT_TO_EVENT.test(sentence.slice(last.end, phrase.start));
}

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
 * A sentence is judged only when it states exactly one value of the kind in question outside
 * the mentions themselves, so "the 1956 Declaration was reaffirmed in 2018" judges 2018, not 1956.
 * `others`: names found but not shown (held back, or in a category switched off): their words are
 * not values either.
 */

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
    const sentence = text.slice(s, e);
    const inSentence = [...named, ...unnamedEvents(sentence, s, named, events)];
    const asWritten = sentence.replace(/\s+/g, ' ').trim();
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
      const tied = inSentence.filter((m) => makes(m) && isStatedAbout(sentence, f, { start: m.start - s, end: m.end - s }, kind));
      return new Set(tied.map((m) => m.topic)).size === 1 ? tied[0] : undefined;
    };

    const dates = findDates(sentence).filter(outsideMentions);
    if (dates.length === 1) {
      const d = dates[0]!;
      const m = about(d, 'date', (x) => !!claims[x.topic]?.some((c) => c.attribute === 'date' && via(c, x)));
      // A claim without a year ("21 March") says nothing about a statement with one ("March 1956"):
      // it may be another year's event of the same kind.
      const comparable = (h: ClaimHead) => h.attribute === 'date' && (h.value.year !== undefined || d.value.year === undefined) && !!m && via(h, m);
      const compared = m
        ? claims[m.topic]!.flatMap((h, i) => {
            const same = comparable(h) && h.attribute === 'date' ? sameDate(d.value, h.value) : null;
            return same === null ? [] : [{ i, same }];
          })
        : [];
      if (m && compared.length)
        out.push({
          start: s + d.start,
          end: s + d.end,
          topic: m.topic,
          verdict: verdictOf(compared.map((c) => c.same)),
          claims: compared.map((c) => c.i),
          stated: d.text,
          sentence: asWritten,
        });
    }

    const unitGroups = new Map<string, string[]>();
    for (const m of inSentence) for (const h of claims[m.topic] ?? []) if (h.attribute === 'count') unitGroups.set(h.units.join('|'), h.units);
    for (const [group, units] of unitGroups) {
      const counts = findCounts(sentence, units).filter(outsideMentions);
      if (counts.length !== 1) continue;
      const c = counts[0]!;
      const sameGroup = (h: ClaimHead) => h.attribute === 'count' && h.units.join('|') === group;
      const m = about(c, 'count', (x) => !!claims[x.topic]?.some((h) => sameGroup(h) && via(h, x)));
      if (!m) continue;
      const compared = claims[m.topic]!.flatMap((h, i) =>
        h.attribute === 'count' && sameGroup(h) && via(h, m) ? [{ i, same: h.value === c.value }] : [],
      );
      out.push({
        start: s + c.start,
        end: s + c.end,
        topic: m.topic,
        verdict: verdictOf(compared.map((x) => x.same)),
        claims: compared.map((x) => x.i),
        stated: c.text,
        sentence: asWritten,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether a quote states a claim's value (used by the corpus validator). */
export function quoteStates(quote: string, claim: ClaimHead): boolean {
  if (claim.attribute === 'count') return findCounts(quote, claim.units).some((c) => c.value === claim.value);
  return findDates(quote).some((d) => {
    const v = claim.value;
    return (['year', 'month', 'day'] as const).every((k) => v[k] === undefined || d.value[k] === v[k]);
  });
}
