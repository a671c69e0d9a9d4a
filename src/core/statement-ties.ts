// Whether a date or a number in a sentence is stated about a mentioned event: tied to it by the
// sentence's structure, not by distance. A claim check that judges a value about something else
// ("Kishida, who became prime minister in October 2021, said the 1956 Declaration …") tells a
// journalist a right statement is wrong, so only a few plain shapes count, and anything else is
// left alone:
//
//   the event, then its verb, then the value      "The Tokyo Declaration was signed in October 1993"
//                                                 "The Singapore agreement, reached on 14 November 2018"
//                                                 "…resolution was supported by 141 member states"
//   the verb right before the event, then value   "Hosokawa and Yeltsin signed the Tokyo Declaration in 1995"
//   a sentence that opens with the value          "In October 1995, Hosokawa and Yeltsin signed the Tokyo Declaration"
//                                                 "August 9, 1945: the USSR enters the war" (a timeline's line)
//   the value right before the verb of the event  "Хосокава и Ельцин в октябре 1993 года подписали Токийскую декларацию"
//   a definition, then the document's own date    "ES-11/1 is a non-binding resolution …, adopted on 2 March 2022" (definitions.ts)
//                                                 (not "…, after Russia suspended the talks")
//   the value as part of a name only the event has "the 1956 Japan-Soviet joint declaration", "1956年の日ソ共同宣言",
//                                                 "советско-японской декларации 1956 года"
//   the count as the object of the act's verb      "Japan expelled eight Russian diplomats"
//   Japanese and Russian word order               "1956年に署名された日ソ共同宣言", "日ソ共同宣言は1956年に署名された",
//                                                 "1956年10月19日、日本とソ連は日ソ共同宣言に署名した" (the verb
//                                                 ending its clause, the event named by its own name),
//                                                 "Токийская декларация была подписана в 1993 году"
//
// The verbs are those of the events claims are made about (signing, adopting, holding, voting,
// expelling…); "reaffirmed in 2018", "cited in 2021" are not, and neither are "announced" or
// "proposed" (a summit announced on 9 November took place on another day).

import { datedThenSaying, definedThenDated } from './definitions';
import { enAnnouncedByRussia } from './en-announcements';
import { announcedByRussia, JA_ANNOUNCEMENT } from './ja-announcements';
import { withQuotes } from './quoted-names';
import { RU_ANNOUNCEMENT, ruAnnouncedByRussia } from './ru-announcements';
import { LETTERS } from './regexp';
import {
  AGENT,
  AS_BASIS,
  AUX,
  DATED_BACK,
  EVENT_NOUNS,
  INTRANSITIVE,
  JA_ASIDE,
  JA_COUNT_OBJECT,
  JA_DONE,
  JA_PLACE_VERB_ENDS,
  JA_TOPIC_PLACE,
  JA_VALUE_SUBJECT_VERB_EVENT,
  JA_VERB_ENDS,
  JA_VOTE,
  OBJECT_RELATIVE,
  ON_OR_IN,
  PLACE,
  LINK,
  MODIFIER,
  PASSIVE_AUX,
  VALUE_VERB_EVENT,
  VALUE_VERB_NAME,
  jaVerbs,
  verbs,
  type ValueKind,
} from './statement-words';

export type { ValueKind };
import { lowerKeepingLength } from './text-fold';

interface Span {
  start: number;
  end: number;
}

/** After "<subject>は<date>": a time of day, the date again in brackets, then "、" ("14日午後(日本時間同)、"). */
const JA_AFTER_SUBJECT_VALUE = /^(?:午前|午後|夜|未明|朝|夕方?)?(?:[(（][^)）、。]{0,10}[)）])?、[^。]*$/;

/** The subject before its date, maybe with the time zone it is given in ("安倍首相は現地時間14日、…"). */
const JA_SUBJECT_THEN_TIME = /^[^、。「」]{1,20}(?:は|が)(?:現地時間|日本時間)?$/;

/** Russian: the event as the object, then a place, its verb and the count as subject ("Резолюцию «…» в Генеральной Ассамблее ООН поддержала 141 страна"). */
const RU_OBJECT_VERB_COUNT = /^\s*(?:(?:в|на)\s+(?:[А-ЯЁ][А-ЯЁа-яё-]*\s+){1,3})?(?:поддержал[аи]?|проголосовал[аи]?\s+за)\s*$/;

/** A Russian month's name: a date that Russian writes without a preposition. */
const RU_MONTH_WORD = /[а-яё]/;

/** Compiled once per kind on first use: most pages never check a statement. */
const patterns = new Map<ValueKind, ReturnType<typeof compile>>();

/**
 * The patterns for one kind of value. Those that ignore case are written in lower case and read
 * the sentence lower-cased: compiling with the `i` flag costs a page several times as much.
 */
function compile(kind: ValueKind) {
  const v = verbs(kind);
  const ja = jaVerbs(kind);
  return {
    /** Between the event and the value: "[,] was signed in", "were expelled, some", "which was adopted on" (a clause about the event itself). */
    eventVerbValue: new RegExp(String.raw`^\s*,?\s*(?:(?:which|that|котор(?:ая|ый|ое|ые))\s+)?${AUX}(?:${v})${AGENT}${LINK}\s*$`),
    /** …with a place between ("was signed in Moscow on"): for a name only its event has ("the Joint Declaration was signed in Moscow in 1998" is Japan and Korea's). */
    eventVerbPlaceValue: new RegExp(String.raw`^\s*,?\s*(?:(?:which|that|котор(?:ая|ый|ое|ые))\s+)?${AUX}(?:${v})${AGENT}${PLACE}${LINK}\s*$`),
    /** Right before the event: "signed the", "подписали". */
    verbBeforeEvent: new RegExp(String.raw`(?:^|[^${LETTERS}])(?:${v})\s+(?:(?:the|a|an|its|their)\s+)?(?:(?:${MODIFIER})\s+)?$`),
    /** Between the event and a value after it, with the verb before the event: "in", ",". */
    shortGap: /^\s*(?:,\s*)?(?:in|on|at|by|during|в|во)?\s*$/,
    /** A sentence opening with the value: "In", "On", "By", a count's "A total of" (or nothing) before it. */
    opening: /^\s*(?:in|on|by|during|в|во|a total of|as many as|всего)?\s*$/,
    /** From an opening value to the event: ", Hosokawa and Yeltsin signed the", or a timeline's ": USSR enters the". */
    openingToEvent: new RegExp(String.raw`^\s*[,:]?[^,;:()\u2013\u2014]*?(?:^|[^${LETTERS}])(?:${v})\s+(?:(?:the|a|an)\s+)?(?:(?:${MODIFIER})\s+)?$`),
    /** The count as the object of an act named by its verb, right after it: "Japan expelled eight Russian diplomats", "Япония выслала восемь…". */
    countObject: new RegExp(
      `(?:^|[^${LETTERS}])(?:expel|expels|expelled|expelling|выслала?|высылает|вышлет|выслать(?: из страны)?|о высылке|персонами нон грата)$`,
    ),
    /** The value as part of the name, after it: "the Singapore summit of 14 November 2018", "dated", "(". */
    nameAfter: /^\s*(?:of|dated|от|\()\s*$/,
    /** Russian: the parties between the name and its date ("Совместной декларации СССР и Японии от 19 октября 1956 года"). */
    ruPartiesDated: /^\s*(?:(?:[А-ЯЁ][А-ЯЁа-яё-]*|и)\s+){1,4}от\s*$/,
    /** Russian: a participle and "в" before the value, the name right after it ("подписанной в 1993 году Токийской декларации"). */
    ruParticipleBefore: /(?:^|[^а-яё])(?:подписанн|заключ[её]нн|принят)[а-яё]*\s+(?:в|во)\s*$/,
    ruYearWord: /^\s*(?:году|г\.)?\s*$/,
    /** From an opening value to the event as the sentence's subject: "On 19 October 1956, the". */
    openingToSubject: /^\s*[,:]\s*(?:(?:the|a|an)\s+)?$/,
    /**
     * Russian: the value, then the event's verbal noun in the instrumental ("восстановлены в октябре
     * 1956 года подписанием …декларации": by signing it then); not the nominative ("в 2016 году
     * подписание декларации вспоминали": the remembering is 2016's).
     */
    ruValueNounEvent: /^\s*(?:года|г\.)?\s*(?:подписанием|заключением|принятием)\s*$/,
    /**
     * The subject's own verb right after it: a passive with its auxiliary (" was signed", " were
     * expelled", " была подписана"), or an intransitive verb (" took place", " began") — not a bare
     * participle ("the Joint Declaration signed 60 years earlier was commemorated") nor "began to".
     */
    eventDoneAfter: new RegExp(
      String.raw`^\s*(?:(?:${PASSIVE_AUX})\s+(?:(?:formally|officially|finally|jointly|eventually)\s+)*(?:${v})|(?:${INTRANSITIVE})(?!\s+to(?:[^${LETTERS}]|$)))(?:[^${LETTERS}]|$)`,
    ),
    /** Russian: the year in the genitive right after the name ("декларации 1956 года", "…19 октября 1956 г."). */
    ruOfYear: /^\s*(?:года|г\.)(?![а-яё])/,
    /** The value set off after the event: "The Singapore summit, in November 2018, …", "(14 November 2018)". */
    appositionOpen: /^\s*[,(]\s*(?:in|on|of)?\s*$/,
    appositionClose: /^\s*[,)]/,
    /** An event named by its verb ("entered the war against Japan", "suspended the talks"), then "on" or "in" and the value. */
    eventClause: new RegExp(
      `(?:^|[^${LETTERS}])(?:${v}|entered|enters|suspended|cancell?ed|canceled|withdrew|invaded|invades|would not continue|met|встретились|встречались|вступил[аио]?|вторгл[аи]сь|вторгся)(?:[^${LETTERS}]|$)`,
    ),
    /** An event named by a noun ("the annexation of Crimea"): see EVENT_NOUNS. */
    eventNoun: new RegExp(`(?:^|[^${LETTERS}])(?:${EVENT_NOUNS})(?:[^${LETTERS}]|$)`),
    /** Nothing but an article before the event: it opens its sentence, as its subject. */
    subjectStart: /^\s*(?:the\s+)?$/,
    /** Japanese: "<value>に" right before an event that is itself done then ("…シンガポールで会談した"). */
    jaValueAt: /^(?:に|には)$/,
    jaEventClause: /(?:会談|会見|署名|調印|採択|参戦|侵攻)$/,
    jaDoneAfter: /^(?:し|した|しました|を行|が行われ|を開|が開かれ)/,
    /** From an opening value to an event named by its verb: ", Russia's ministry announced that it", " года СССР" (a Russian date needs no comma). */
    openingToClause: /^\s*(?:[,:]|(?:года|году|г\.)\s*[,:]?)[^,;:()\u2013\u2014]*$/,
    /** Someone reporting or recalling the event: the opening date is then about the report. */
    reported: new RegExp(
      `(?:^|[^${LETTERS}])(?:said|says|told|recalled|noted|argued|claimed|wrote|stated|reported|remembered|recalls)(?:[^${LETTERS}]|$)`,
    ),
    /**
     * The event in a clause of its own after an opening value ("…, after Russia suspended the
     * talks", "called it unacceptable that Russia suspended…"): the value is about the main
     * clause. Not what an announcement says: announcing it is the event ("On 21 March, the
     * ministry announced that it would not continue the talks").
     */
    subordinate: new RegExp(
      `(?:^|[^${LETTERS}])(?:after|before|since|when|following|because|until|while|once|although|though|(?<!announced )that|после|до того|когда|потому что|(?<!(?:сообщил|заявил|объявил)[аи]?,? )что)(?:[^${LETTERS}]|$)`,
    ),
    /** The value as part of the name, before it: "the 14 November 2018 Singapore summit", "2018年11月14日の…". */
    nameBefore: /^(?:\s*|\s*の\s*|\s*'s\s*)$/,
    /** Japanese: "に署名された" between the value and the event, "は" between the event and the value. */
    jaValueVerbEvent: new RegExp(`^(?:に|には|で)?(?:${ja})(?:された|した|され|し|の)?$`),
    jaEventTopic: /^(?:は|が|では)$/,
    /** Japanese: a sentence opening with the value and "、" (a timeline's "："), the event later done by its verb ("1956年10月19日、…日ソ共同宣言に署名した"). */
    jaOpeningToEvent: /^[、：:][^。]*$/,
    /** A connective or a place in katakana before an opening value ("こうして1956年10月19日、…", "モスクワで1956年10月19日、…"). */
    jaLead: /^(?:こうして|そして|その後|また|さらに|なお|結局|ついに|やがて|[\p{sc=Katakana}ー]{2,10}で)、?$/u,
    /** "<value>に" before the event, the event then the object of its verb ("1956年10月19日に日ソ共同宣言を結んだ"). */
    jaObjectDone: new RegExp(`^(?:を|が|に)(?:${ja}|結ん|交わ)(?:された|されました|され|した|しました|し|だ|ました|た)?(?=[、。]|$)`),
    /** …its verb ending the clause, maybe past an aside in brackets ("…が調印された(1993年10月13日)。"). */
    jaEventDone: new RegExp(`^(?:(?:が|に|は|を${JA_VOTE}?)?(?:${ja}))?(?:${JA_DONE})?(?=${JA_ASIDE}(?:[、。]|$))`),
    /** …and someone saying so after it ("…に署名したと説明した"): the opening date is then about the saying. */
    jaReportedAfter: /^[^。]*?と(?:述べ|説明|発表|語|話|報じ|伝え|指摘|強調|明らか|主張|いう|言)/,
    /** …or the event made a noun of ("会談したことを振り返った", "署名したのは"): the date is about what follows. */
    jaEmbedded: new RegExp(`^(?:(?:が|に|を|は)?(?:${ja}))?(?:された|した|されて|して|される|する|し)?(?:こと|の)(?:を|が|は|に|で|も|だ)`),
    jaValueVerb: new RegExp(`^(?:に|には|で|の${JA_VOTE})?(?:${ja})`),
  };
}

/**
 * Whether the value at `value` in `sentence` is stated about the event mentioned at `event`.
 * `named`: the event is named by an unambiguous name, not one that also names other events
 * ("共同宣言"): only then does a Japanese sentence's opening date count.
 */
export function isStatedAbout(sentence: string, value: Span, event: Span, kind: ValueKind, named = true): boolean {
  let p = patterns.get(kind);
  if (!p) patterns.set(kind, (p = compile(kind)));
  const at = { sentence, lower: lowerKeepingLength(sentence), value, event: withQuotes(sentence, event), kind, named };
  if (value.start >= event.end) return valueAfterEvent(p, at);
  if (value.end <= event.start) return valueBeforeEvent(p, at);
  return false;
}

type Patterns = ReturnType<typeof compile>;

interface Reading {
  sentence: string;
  /** The sentence lower-cased, same length: the patterns that ignore case read it. */
  lower: string;
  value: Span;
  event: Span;
  kind: ValueKind;
  named: boolean;
}

/**
 * A value as part of the name ("1956年の日ソ共同宣言", "декларации 1956 года") counts only with a name no
 * other event shares: with a shared one the value tells which event is meant ("the June 2018
 * Singapore summit" is Trump and Kim's, "1998年の共同宣言" Japan and South Korea's), not ours.
 */
function valueAfterEvent(p: Patterns, { sentence, lower, value, event, kind, named }: Reading): boolean {
  const gap = sentence.slice(event.end, value.start);
  const lowerGap = lower.slice(event.end, value.start);
  if (p.eventVerbValue.test(gap) || (named && (p.eventVerbPlaceValue.test(gap) || p.nameAfter.test(lowerGap))) || p.ruPartiesDated.test(gap))
    return true;
  if (kind === 'count' && /^\s+$/.test(gap) && p.countObject.test(lower.slice(event.start, event.end))) return true;
  if (kind === 'count' && RU_OBJECT_VERB_COUNT.test(gap)) return true;
  // Only a bare year: Russian writes every full date in the genitive ("14 ноября 2018 года").
  if (
    named &&
    kind === 'date' &&
    /^\s+$/.test(gap) &&
    /^\d{4}$/.test(sentence.slice(value.start, value.end)) &&
    p.ruOfYear.test(lower.slice(value.end))
  )
    return true;
  if (p.appositionOpen.test(lowerGap) && p.appositionClose.test(sentence.slice(value.end))) return true;
  if (kind === 'date' && named && definedThenDated(sentence.slice(0, event.start), lowerGap)) return true;
  if (kind === 'date' && named && datedThenSaying(lower.slice(0, event.start), lowerGap, lower.slice(value.end))) return true;
  const eventText = lower.slice(event.start, event.end);
  const nounAsSubject = p.eventNoun.test(eventText) && p.subjectStart.test(lower.slice(0, event.start));
  if (ON_OR_IN.test(lowerGap) && (p.eventClause.test(eventText) || nounAsSubject)) return true;
  // Russian dates a verb without a preposition: "вступил в войну с Японией 9 августа 1945 года".
  if (/^\s+$/.test(gap) && RU_MONTH_WORD.test(lower.slice(value.start, value.end)) && p.eventClause.test(eventText)) return true;
  if (p.shortGap.test(lowerGap) && p.verbBeforeEvent.test(lower.slice(0, event.start))) return true;
  if (kind === 'date' && named && OBJECT_RELATIVE.test(gap)) return true;
  const afterValue = sentence.slice(value.end);
  if (p.jaEventTopic.test(gap) && p.jaValueVerb.test(afterValue)) return true;
  // …or a place between ("日ソ共同宣言はモスクワで1956年10月19日に署名された", "…は1956年10月19日、モスクワで署名された"), the verb ending its clause.
  return named && (JA_TOPIC_PLACE.test(gap) ? JA_VERB_ENDS.test(afterValue) : p.jaEventTopic.test(gap) && JA_PLACE_VERB_ENDS.test(afterValue));
}

function valueBeforeEvent(p: Patterns, { sentence, lower, value, event, kind, named }: Reading): boolean {
  const gap = sentence.slice(value.end, event.start);
  const lowerGap = lower.slice(value.end, event.start);
  const before = sentence.slice(0, value.start);
  const afterEvent = sentence.slice(event.end);
  const asBasis = AS_BASIS.test(lower.slice(event.end));
  const verbInName = VALUE_VERB_NAME.test(lower.slice(event.start, event.end)) && /^\s*(?:года|году|г\.)?\s*$/.test(lowerGap);
  if (kind === 'date' && named && (VALUE_VERB_EVENT.test(lowerGap) || verbInName) && !asBasis) return true;
  if (kind === 'date' && named && JA_VALUE_SUBJECT_VERB_EVENT.test(gap)) return true;
  if ((named && p.nameBefore.test(lowerGap)) || p.jaValueVerbEvent.test(gap) || (kind === 'count' && JA_COUNT_OBJECT.test(gap))) return true;
  if (
    p.jaValueAt.test(gap) &&
    (p.jaObjectDone.test(afterEvent) || (p.jaEventClause.test(sentence.slice(event.start, event.end)) && p.jaDoneAfter.test(afterEvent)))
  )
    return true;
  if ((p.ruParticipleBefore.test(lower.slice(0, value.start)) && p.ruYearWord.test(lowerGap)) || p.ruValueNounEvent.test(lowerGap)) return true;
  const opens = (value.start === 0 || p.jaLead.test(before)) && !DATED_BACK.test(lower.slice(value.end));
  if (
    kind === 'date' &&
    named &&
    (opens || JA_ANNOUNCEMENT.jaSubject.test(before)) &&
    p.jaOpeningToEvent.test(gap) &&
    JA_ANNOUNCEMENT.jaAnnouncedEvent.test(sentence.slice(event.start, event.end)) &&
    JA_ANNOUNCEMENT.jaAnnounced.test(afterEvent) &&
    announcedByRussia(before, gap, opens)
  )
    return true;
  if (
    kind === 'date' &&
    named &&
    RU_ANNOUNCEMENT.event.test(lower.slice(event.start, event.end)) &&
    ruAnnouncedByRussia(before, gap, value.start === 0)
  )
    return true;
  if (kind === 'date' && named && enAnnouncedByRussia(lower.slice(0, value.start), lowerGap, lower.slice(event.start, event.end))) return true;
  // …or the subject first, then the date ("安倍晋三首相は14日午後(日本時間同)、…シンガポールで…会談した"), no other subject after it.
  const subjectFirst =
    kind === 'date' && JA_SUBJECT_THEN_TIME.test(before) && JA_AFTER_SUBJECT_VALUE.test(gap) && gap.search(JA_ANNOUNCEMENT.jaSubjectMark) < 0;
  if (
    named &&
    ((opens && p.jaOpeningToEvent.test(gap)) || subjectFirst) &&
    p.jaEventDone.test(afterEvent) &&
    !p.jaReportedAfter.test(afterEvent) &&
    !p.jaEmbedded.test(afterEvent)
  )
    return true;
  // A timeline's line ("1998: … signed the Joint Declaration") only with a name no other event shares.
  if (!p.opening.test(lower.slice(0, value.start)) || DATED_BACK.test(lower.slice(value.end)) || (/^\s*:/.test(gap) && !named)) return false;
  if (p.openingToSubject.test(lowerGap) && p.eventDoneAfter.test(lower.slice(event.end))) return true;
  if (p.reported.test(lowerGap) || p.subordinate.test(lowerGap)) return false;
  return (p.openingToEvent.test(lowerGap) && !asBasis) || (p.eventClause.test(lower.slice(event.start, event.end)) && p.openingToClause.test(gap));
}
