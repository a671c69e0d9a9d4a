// Dates and counts as pages write them: "14 November 2018", "November 14, 2018", "2018年11月14日",
// "平成28年12月15日", "14 ноября 2018 года", "141 of the 193 member states". What the claim checks compare with the
// sources, and what the corpus validator finds in a quote.

import type { DateParts } from './corpus-types';
import { DIGITS, escapeRegExp, LETTERS, SPACED_WORD } from './regexp';
import { lowerKeepingLength } from './text-fold';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Dates are read in lower-cased text (compiling with the `i` flag costs a page several times as
// much). A full stop only after an abbreviation ("Nov."): after "March" it ends the sentence.
const MONTH =
  '(january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(1[89]\\d\\d|20\\d\\d)';
/** Russian month names: "14 ноября 2018 года" (genitive), "в октябре 1993 года" (prepositional). */
const RU_MONTHS_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const RU_MONTHS_PREPOSITIONAL = 'январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре'.split(' ');
const RU_GENITIVE = `(${RU_MONTHS_GENITIVE.join('|')})`;
const RU_PREPOSITIONAL = `(${RU_MONTHS_PREPOSITIONAL.join('|')})`;
const ruMonth = (name: string) => Math.max(RU_MONTHS_GENITIVE.indexOf(name.toLowerCase()), RU_MONTHS_PREPOSITIONAL.indexOf(name.toLowerCase())) + 1;

/** Japanese era names, each with the Gregorian year before its first (平成元年 is 1989, 昭和31年 1956). */
const JA_ERAS: Readonly<Record<string, number>> = { 明治: 1867, 大正: 1911, 昭和: 1925, 平成: 1988, 令和: 2018 };
const JA_ERA_YEAR = `(${Object.keys(JA_ERAS).join('|')})(元|\\d{1,2})年`;
/** The first year of an era is written 元年. */
const eraYear = (era: string, n: string) => JA_ERAS[era]! + (n === '元' ? 1 : Number(n));

/**
 * Japanese news writes a year by its last two digits ("56年10月19日", "56年共同宣言", "22年2月24日"):
 * this century's below the pivot, the last one's from it (the corpus's events lie between 1945
 * and 2022). Read only where it is plainly a year: with its month, or right before the name of a
 * declaration ("93年の東京宣言"); "戦後70年", "41年に", "60年、" are left alone (a span of years, or
 * a year nothing else makes a date).
 */
const JA_SHORT_YEAR_PIVOT = 30;
const JA_SHORT_YEAR = '(\\d{2})年';
const JA_SHORT_YEAR_NAMES = '(?=の?(?:日ソ|日露|ソ日|東京|共同|宣言))';
const shortYear = (yy: string) => Number(yy) + (Number(yy) < JA_SHORT_YEAR_PIVOT ? 2000 : 1900);

/** Each pattern and how its groups map to date parts. Longest first: the first match at a place wins. */
type DatePattern = [RegExp, (m: RegExpExecArray) => DateParts];
/** Built on first use: the content script bundles this module, and most pages never check a date. */
let datePatterns: DatePattern[] | null = null;
const JA_DAY_ONLY = /(\d{1,2})日(?!間|後|前|目|ぶり|連続|以内|以上|未満|余り|ほど|程度|分|半)/y;

const makeDatePatterns = (): DatePattern[] => [
  [new RegExp(`${JA_ERA_YEAR}(\\d{1,2})月(\\d{1,2})日`, 'y'), (m) => ({ year: eraYear(m[1]!, m[2]!), month: +m[3]!, day: +m[4]! })],
  [new RegExp(`${JA_ERA_YEAR}(\\d{1,2})月`, 'y'), (m) => ({ year: eraYear(m[1]!, m[2]!), month: +m[3]! })],
  [new RegExp(JA_ERA_YEAR, 'y'), (m) => ({ year: eraYear(m[1]!, m[2]!) })],
  [new RegExp(`${YEAR}年(\\d{1,2})月(\\d{1,2})日`, 'y'), (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]! })],
  [new RegExp(`${JA_SHORT_YEAR}(\\d{1,2})月(\\d{1,2})日`, 'y'), (m) => ({ year: shortYear(m[1]!), month: +m[2]!, day: +m[3]! })],
  [new RegExp(`${JA_SHORT_YEAR}(\\d{1,2})月`, 'y'), (m) => ({ year: shortYear(m[1]!), month: +m[2]! })],
  [new RegExp(`${JA_SHORT_YEAR}${JA_SHORT_YEAR_NAMES}`, 'y'), (m) => ({ year: shortYear(m[1]!) })],
  [new RegExp(`${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, 'y'), (m) => ({ day: +m[1]!, month: month(m[2]!), year: +m[3]! })],
  [new RegExp(`${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'y'), (m) => ({ month: month(m[1]!), day: +m[2]!, year: +m[3]! })],
  [new RegExp(`${YEAR}-(\\d{2})-(\\d{2})\\b`, 'y'), (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]! })],
  [new RegExp(`${DAY}\\s+${RU_GENITIVE}\\s+${YEAR}(?!\\d)`, 'y'), (m) => ({ day: +m[1]!, month: ruMonth(m[2]!), year: +m[3]! })],
  [new RegExp(`${RU_PREPOSITIONAL}\\s+${YEAR}(?!\\d)`, 'y'), (m) => ({ month: ruMonth(m[1]!), year: +m[2]! })],
  [new RegExp(`${DAY}\\s+${RU_GENITIVE}(?![${LETTERS}])`, 'y'), (m) => ({ day: +m[1]!, month: ruMonth(m[2]!) })],
  [new RegExp(`${YEAR}年(\\d{1,2})月`, 'y'), (m) => ({ year: +m[1]!, month: +m[2]! })],
  // A month and day without a year ("3月21日、ロシア外務省は…"): compared by month and day.
  [/(\d{1,2})月(\d{1,2})日/y, (m) => ({ month: +m[1]!, day: +m[2]! })],
  // A day alone, as Japanese news dates the week's events ("ロシア外務省は21日、…"); not a number
  // of days ("8日間", "3日後", "10日ぶり").
  [JA_DAY_ONLY, (m) => ({ day: +m[1]! })],
  [new RegExp(`${MONTH}\\s+${YEAR}\\b`, 'y'), (m) => ({ month: month(m[1]!), year: +m[2]! })],
  [new RegExp(`${DAY}\\s+${MONTH}(?![${LETTERS}])`, 'y'), (m) => ({ day: +m[1]!, month: month(m[2]!) })],
  [new RegExp(`${MONTH}\\s+${DAY}(?![\\d,]*\\d)`, 'y'), (m) => ({ month: month(m[1]!), day: +m[2]! })],
  [new RegExp(`${YEAR}年?(?!\\d)`, 'y'), (m) => ({ year: +m[1]! })],
];

const NUMBER_WORDS =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(
    ' ',
  );

/**
 * Russian counts written in words, in the cases news puts them after a verb or a preposition
 * ("выслать восемь российских дипломатов", "о высылке восьми российских дипломатов", "восьмерых").
 */
const RU_NUMBER_FORMS_FROM_TWO = [
  'два две двух двое двоих',
  'три трех трёх трое троих',
  'четыре четырех четырёх четверо четверых',
  'пять пяти пятеро пятерых',
  'шесть шести шестеро шестерых',
  'семь семи семеро семерых',
  'восемь восьми восьмерых',
  'девять девяти девятерых',
  'десять десяти десятерых',
  'одиннадцать одиннадцати',
  'двенадцать двенадцати',
];
const FIRST_RU_NUMBER = 2;
const RU_NUMBER_WORDS = new Map(RU_NUMBER_FORMS_FROM_TWO.flatMap((forms, i) => forms.split(' ').map((w) => [w, i + FIRST_RU_NUMBER] as const)));
const RU_NUMBER = [...RU_NUMBER_WORDS.keys()].join('|');

/** The value of a count as written: digits ("1,200"), or an English or a Russian number word. */
function countValue(word: string): number {
  if (NUMBER_WORDS.includes(word)) return NUMBER_WORDS.indexOf(word);
  return RU_NUMBER_WORDS.get(word) ?? Number(word.replace(/,/g, ''));
}

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
 * Where a date may begin: a digit, a month's name (English, or Russian in the prepositional
 * case) or a Japanese era's; every date pattern starts with one of these.
 */
const DATE_START =
  /[0-9]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|январ|феврал|март|апрел|ма[еяй]|июн|июл|август|сентябр|октябр|ноябр|декабр|明治|大正|昭和|平成|令和/gi;
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

/** A date and the same date again in brackets: "1956年(昭和31年)", "1993 (Heisei 5)". */
const BRACKET_OPEN = /\s*[(（]\s*/y;
const BRACKET_CLOSE = /\s*[)）]/y;

/** Where the same date written again in brackets right after `date` ends, so it isn't read as a second value; null if there is none. */
function sameDateInBrackets(text: string, lower: string, date: Found<DateParts>, patterns: readonly DatePattern[]): number | null {
  BRACKET_OPEN.lastIndex = date.end;
  if (!BRACKET_OPEN.test(lower)) return null;
  const again = dateAt(text, lower, BRACKET_OPEN.lastIndex, patterns);
  if (!again || !sameDate(date.value, again.value)) return null;
  BRACKET_CLOSE.lastIndex = again.end;
  return BRACKET_CLOSE.test(lower) ? BRACKET_CLOSE.lastIndex : null;
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
    from = sameDateInBrackets(text, lower, date, patterns) ?? date.end;
  }
}

/** Compiled once per set of units: a page checks many sentences against the same few. */
const countPatterns = new Map<string, RegExp>();

/** Kana and kanji: a unit written in them comes before its count, without spaces ("ロシア人外交官8人"). */
const SPACELESS_UNIT = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** What stands for any words inside a unit ("ロシア…外交官"). */
const GAP = '…';

/** Read in lower-cased text, like the dates: the `i` flag would fold the case of every letter class. */
function countPattern(units: string[]): RegExp {
  const unit = units.map((u) => escapeRegExp(u.toLowerCase())).join('|');
  let re = countPatterns.get(unit);
  if (!re) {
    re = new RegExp(
      `(?<![${LETTERS}${DIGITS}])(\\d[\\d,]*|${NUMBER_WORDS.join('|')}|${RU_NUMBER})(?:\\s+of\\s+the\\s+\\d[\\d,]*)?(?:\\s+[${LETTERS}.-]+){0,2}?\\s+(?:${unit})(?![${LETTERS}])`,
      'g',
    );
    countPatterns.set(unit, re);
  }
  re.lastIndex = 0;
  return re;
}

/**
 * Japanese writes a count of people after its noun: "ロシア人外交官8人", "ロシア大使館の外交官ら計8人". A
 * unit "ロシア…外交官" asks for both words in one noun phrase (no particle but の between them),
 * so "日本人外交官8人" is not a count of Russian diplomats.
 */
function jaCountPattern(units: string[]): RegExp {
  const key = `ja:${units.join('|')}`;
  let re = countPatterns.get(key);
  if (!re) {
    const nouns = units.map((u) => u.split(GAP).map(escapeRegExp).join('(?:(?!日本)[^、。をはがにでも]){0,12}?'));
    re = new RegExp(`(?:${nouns.join('|')})(?:ら|など)?(?:の?(?:計|合わせて|あわせて))?(\\d{1,4})(人|名)`, 'g');
    countPatterns.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

/** Numbers followed (within two words, or "of the N") by one of the units: "141 of the 193 member states"; Japanese "外交官8人". */
export function findCounts(text: string, units: string[]): Array<Found<number>> {
  const spaced = units.filter((u) => !SPACELESS_UNIT.test(u));
  const spaceless = units.filter((u) => SPACELESS_UNIT.test(u));
  const out: Array<Found<number>> = [];
  if (spaced.length > 0) {
    const re = countPattern(spaced);
    const lower = lowerKeepingLength(text);
    for (let m = re.exec(lower); m; m = re.exec(lower)) {
      const word = m[1]!;
      const value = countValue(word);
      out.push({ start: m.index, end: m.index + word.length, text: text.slice(m.index, m.index + word.length), value });
    }
  }
  // Cheap test first: most sentences a page checks are not Japanese.
  if (spaceless.length > 0 && SPACELESS_UNIT.test(text)) {
    const re = jaCountPattern(spaceless);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const end = m.index + m[0].length;
      const start = end - m[1]!.length - m[2]!.length;
      out.push({ start, end, text: text.slice(start, end), value: Number(m[1]) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Whether text may state a date or a count at all: every date has a digit or is an era's first
 * year (平成元年), every count a digit or a number word. Most sentences that name a topic state
 * neither, and are passed over before any of the costlier reading.
 */
const MAY_STATE_VALUE = new RegExp(`[0-9]|元年|(?<![a-z])(?:${NUMBER_WORDS.join('|')})(?![a-z])|(?<![а-яё])(?:${RU_NUMBER})(?![а-яё])`);

export function mayStateValue(text: string): boolean {
  return MAY_STATE_VALUE.test(lowerKeepingLength(text));
}

/**
 * A day alone ("21日") against a claimed date: confirmed when it is the claim's day; never called
 * wrong, since its month and year aren't known (null).
 */
export function sameDayAlone(stated: DateParts, claimed: DateParts): true | null {
  const alone = stated.day !== undefined && stated.month === undefined && stated.year === undefined;
  return alone && stated.day === claimed.day ? true : null;
}

const DAY_MS = 86_400_000;
/** Years with and without a 29 February, for two dates of which neither gives its year. */
const ANY_COMMON_YEAR = 2001;
const ANY_LEAP_YEAR = 2004;

/** The day's time in that year, or null if the year has no such day (29 February 2022, 31 April). */
function dayIn(year: number, month: number, day: number): number | null {
  const t = new Date(Date.UTC(year, month - 1, day));
  return t.getUTCMonth() === month - 1 && t.getUTCDate() === day ? t.getTime() : null;
}

/**
 * Whether a stated date and a claimed one, each giving a month and a day, are one day apart: the
 * same moment is a day apart in two time zones, and news dates an event where it is written (a
 * vote in New York late on one day is the next day in Tokyo). A statement without its year may lie
 * in the claim's year or either side of it ("31 December" is a day before 1 January); a claim
 * without one, in the statement's year or either side, or in any year if neither gives one.
 */
export function dayApart(stated: DateParts, claimed: DateParts): boolean {
  if (stated.month === undefined || stated.day === undefined || claimed.month === undefined || claimed.day === undefined) return false;
  const around = (y: number) => [y - 1, y, y + 1];
  const claimYears = claimed.year !== undefined ? [claimed.year] : stated.year !== undefined ? around(stated.year) : [ANY_COMMON_YEAR, ANY_LEAP_YEAR];
  return claimYears.some((cy) => {
    const claimedAt = dayIn(cy, claimed.month!, claimed.day!);
    const statedYears = stated.year !== undefined ? [stated.year] : around(cy);
    return claimedAt !== null && statedYears.some((sy) => Math.abs((dayIn(sy, stated.month!, stated.day!) ?? Number.NaN) - claimedAt) === DAY_MS);
  });
}

/** Compares the parts both dates give; null when they share none worth comparing. */
export function sameDate(a: DateParts, b: DateParts): boolean | null {
  const keys = (['year', 'month', 'day'] as const).filter((k) => a[k] !== undefined && b[k] !== undefined);
  // A day alone says nothing without its month.
  if (keys.length === 0 || (keys.length === 1 && keys[0] === 'day')) return null;
  return keys.every((k) => a[k] === b[k]);
}
