// An event told from the other acts of the body that did it by the date the sources give for it
// (`"dated": true` in claimEvents, data/README.md). The General Assembly voted on Ukraine several
// times in 2022 and 2023, twice with 141 in favour: "the resolution was adopted by 141 votes"
// could be any of them, "the General Assembly adopted it on 2 March 2022 by 141 votes" is the vote
// of 2 March. The body, its act and that date must stand in one clause, and a count is judged only
// as the votes of that act ("by 141 votes", "141カ国の賛成", "поддержала 141 страна"). A wrong date
// tells nothing (the vote with it may be another's), so only a sentence stating the right one is read.

import { findDates, type Found } from './claim-values';
import type { ClaimEventHead, ClaimHead, DateParts } from './corpus-types';
import { countsOpposed } from './opposed-counts';
import type { Mention } from './matcher';
import { lowerKeepingLength } from './text-fold';

type Script = 'en' | 'ja' | 'ru';

/** How each script writes the act, the count of its votes, and what ends a clause. */
interface ScriptRules {
  act: RegExp;
  /** A count written as votes for the act: group 1 is the number. */
  votes: RegExp[];
  /** Words or marks a clause doesn't cross: another clause's value is another act's. */
  boundary: RegExp;
  /**
   * What may stand right before the date for it to be the act's own (lower-cased): "on", the
   * sentence's start, "the resolution of" — not "after its vote of", "since", "от" alone.
   */
  lead: RegExp;
  /** What may follow the date (Japanese: "3月2日、" or "3月2日に", not "3月2日の決議に続き"). */
  trail: RegExp;
}

const N = '(\\d{1,3})(?!\\d)';
const EN_VOTERS =
  "(?:votes?|(?:un\\s+)?(?:member\\s+)?(?:states|countries|nations|members)|of\\s+the\\s+(?:assembly's\\s+)?\\d{3}(?:\\s+(?:un\\s+)?(?:member\\s+)?(?:states|countries|nations|members))?)";
const RU_VOTERS = '(?:стран[аы]?|государств[оа]?)';
const JA_STATES = '(?:カ国|か国|ヵ国|ヶ国|ケ国)';

const RULES: Record<Script, ScriptRules> = {
  en: {
    // The resolution dated by its day is the act's too: "the General Assembly resolution of 2 March 2022".
    act: /(?<![a-z])(?:adopted|passed|approved|voted|endorsed|resolution\s+of(?=\s))(?![a-z])/,
    votes: [
      new RegExp(`(?<![a-z])(?:by|with)\\s+(?:a\\s+(?:[a-z-]+\\s+)?(?:majority|vote)\\s+of\\s+)?${N}\\s+${EN_VOTERS}`),
      new RegExp(`(?<![a-z])(?:supported|backed|endorsed)\\s+by\\s+${N}\\s+${EN_VOTERS}`),
      new RegExp(`(?<![a-z])voted\\s+${N}\\s*(?:to|-)\\s*\\d`),
      new RegExp(
        `(?<![\\d,.])${N}\\s+(?:(?:un\\s+)?(?:member\\s+)?(?:states|countries|nations|members)\\s+voted\\s+(?:in\\s+favou?r|for)|votes?\\s+in\\s+favou?r)`,
      ),
    ],
    boundary:
      /[;:()\u2013\u2014]|(?<![a-z])(?:after|before|since|when|while|following|which|that|who|weeks?|days?|months?|later|earlier|until|but|and\s+(?:on|in))(?![a-z])/,
    lead: /(?:^\s*(?:on\s+)?|\son\s+|resolution\s+of\s+)$/,
    trail: /^/,
  },
  ja: {
    act: /採択/,
    votes: [new RegExp(`(?<!\\d)${N}${JA_STATES}(?:の|が)賛成`), new RegExp(`賛成${N}`)],
    boundary: /。|後|から|以来|ため|際|前に|とき|と(?:発表|述べ|説明|報じ)/,
    lead: /(?:^|[はが]|、)$/,
    trail: /^(?:[(（][^)）]{0,12}[)）])?(?:、|に(?!続|先|向))/,
  },
  ru: {
    act: /(?<![а-яё])(?:принял[аи]?|одобрил[аи]?|проголосовал[аи]?|поддержал[аи]?|резолюци[яиюей]\s+от(?=\s))(?![а-яё])/,
    votes: [
      new RegExp(`(?<![а-яё])(?:поддержал[аи]?|проголосовал[аи]?(?:\\s+за)?)\\s+${N}\\s+${RU_VOTERS}(?!\\s+против)`),
      new RegExp(`(?<![\\d,.])${N}\\s+${RU_VOTERS}\\s+(?:проголосовал[аи]?\\s+за|поддержал[аи]?)`),
    ],
    boundary: /[;:()\u2013\u2014]|(?<![а-яё])(?:после|до|когда|котор[а-яё]+|что|но|спустя|через)(?![а-яё])/,
    // The sentence's start, the body right before ("Генассамблея ООН 2 марта приняла"), "резолюция от".
    lead: /(?:^\s*|(?:ассамбле[а-яё]+|генассамбле[а-яё]+)(?:\s+оон)?\s+|резолюци[а-яё]*\s+от\s+)$/,
    trail: /^/,
  },
};

const scriptOf = (phrase: string): Script => (/[\u3040-\u30ff\u4e00-\u9fff]/.test(phrase) ? 'ja' : /[а-яё]/i.test(phrase) ? 'ru' : 'en');

/** The same date again in brackets right after the stated one, as the local time: "2日(日本時間3日)". */
const LOCAL_TIME_AFTER = /^[(（][^)）]{0,12}$/;

interface Span {
  start: number;
  end: number;
}

/** The claim's date this stated date is: its month and day, and its year where the sentence gives one. */
function isClaimedDay(d: DateParts, h: ClaimHead): boolean {
  if (h.attribute !== 'date' || h.value.month === undefined || h.value.day === undefined) return false;
  const year = h.value.year ?? h.sourceYear;
  return d.month === h.value.month && d.day === h.value.day && (d.year === undefined || d.year === year);
}

/** A value of a dated event: what it is, and the claims of its kind it was compared with (index, same). */
export interface DatedValue {
  topic: number;
  value: Found<unknown>;
  compared: Array<{ i: number; same: boolean }>;
}

/**
 * The values a sentence states about a dated event it doesn't name: the event's date itself, and
 * the count of votes for its act, when the body, the act, the date (and the count) stand in one
 * clause and the sentence states no other date. Offsets are the sentence's.
 */
export function datedValues(
  sentence: string,
  inSentence: readonly Mention[],
  events: readonly ClaimEventHead[],
  claims: Record<number, ClaimHead[]>,
): DatedValue[] {
  const out: DatedValue[] = [];
  for (const e of events) {
    const heads = claims[e.topic] ?? [];
    // Named by a name its claims are checked through ("ES-11/1"), the event is read as any named one;
    // by a name other resolutions share ("General Assembly resolution"), only its date tells which.
    const checkedThrough = (m: Mention) => m.topic === e.topic && heads.some((h) => !h.via || h.via.includes(m.alias));
    if (!e.dated || inSentence.some(checkedThrough)) continue;
    const dates = findDates(sentence);
    const pins = dates.filter((d) => heads.some((h) => isClaimedDay(d.value, h)));
    const pin = pins[0];
    if (pins.length !== 1 || !pin || dates.some((d) => d !== pin && !LOCAL_TIME_AFTER.test(sentence.slice(pin.end, d.start)))) continue;
    for (const phrase of e.phrases) {
      const body = sentence.indexOf(phrase);
      if (body < 0) continue;
      out.push(...actValues(sentence, { start: body, end: body + phrase.length }, pin, scriptOf(phrase), e.topic, heads));
      break;
    }
  }
  return out;
}

/** The date and the vote count of the body's act on that date, if they stand with it in one clause. */
function actValues(sentence: string, body: Span, pin: Found<DateParts>, script: Script, topic: number, heads: readonly ClaimHead[]): DatedValue[] {
  const rules = RULES[script];
  const lower = lowerKeepingLength(sentence);
  const act = firstAt(rules.act, lower);
  const ownDate = rules.lead.test(lower.slice(0, pin.start)) && rules.trail.test(sentence.slice(pin.end));
  if (!act || !ownDate || !oneClause(lower, [body, act, pin], rules, script, pin)) return [];
  const dateCompared = heads.flatMap((h, i) => (isClaimedDay(pin.value, h) ? [{ i, same: true }] : []));
  const out: DatedValue[] = [{ topic, value: pin, compared: dateCompared }];
  const counts = rules.votes
    .flatMap((re) => allAt(re, lower))
    .filter((c, i, all) => all.findIndex((x) => x.start === c.start) === i && !countsOpposed(sentence, c));
  const count = counts[0];
  if (counts.length !== 1 || !count || !oneClause(lower, [body, act, pin, count], rules, script, pin)) return out;
  const value: Found<number> = { ...count, text: sentence.slice(count.start, count.end), value: Number(count.text) };
  const compared = heads.flatMap((h, i) => (h.attribute === 'count' ? [{ i, same: h.value === value.value }] : []));
  if (compared.length) out.push({ topic, value, compared });
  return out;
}

/**
 * Whether the spans stand in one clause: nothing between the first and the last ends a clause or
 * starts another ("…, after which", "…後", "которую"), a comma only right after a date opening the
 * sentence ("On 2 March 2022, the General Assembly adopted…"). Japanese puts the act last.
 */
function oneClause(lower: string, spans: readonly Span[], rules: ScriptRules, script: Script, pin: Span): boolean {
  const from = Math.min(...spans.map((s) => s.start));
  const to = Math.max(...spans.map((s) => s.end));
  let stretch = lower.slice(from, to);
  for (const s of spans) stretch = stretch.slice(0, s.start - from) + ' '.repeat(s.end - s.start) + stretch.slice(s.end - from);
  if (rules.boundary.test(stretch)) return false;
  const [, act, ...rest] = spans;
  if (script === 'ja') return !!act && rest.concat(spans[0]!).every((s) => s.end <= act.start);
  const opensSentence = pin.start === from && /^\s*(?:on|в)?\s*$/.test(lower.slice(0, pin.start));
  const clause = opensSentence ? stretch.replace(/^(\s*),/, '$1') : stretch;
  return !clause.includes(',');
}

/** Where a pattern first matches, its group 1 (or the whole match) as a span. */
function firstAt(re: RegExp, text: string): Found<string> | undefined {
  return allAt(re, text)[0];
}

function allAt(re: RegExp, text: string): Array<Found<string>> {
  const g = new RegExp(re.source, 'g');
  return [...text.matchAll(g)].map((m) => {
    const inner = m[1] ?? m[0];
    const start = (m.index ?? 0) + m[0].indexOf(inner);
    return { start, end: start + inner.length, text: inner, value: inner };
  });
}
