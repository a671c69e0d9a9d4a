// The words the claim checks read a statement's structure by (statement-ties.ts): the verbs of the
// events claims are made about, and what may stand between an event, its verb and its value.

import { LETTERS, UPPER_LETTERS } from './regexp';

export type ValueKind = 'date' | 'count';

export const EN_EVENT_VERBS =
  'signed|concluded|adopted|issued|agreed|reached|held|passed|approved|enacted|ratified|launched|began|started|annexed|invaded|expelled|took place|occurred|came into force|entered into force';
export const EN_COUNT_VERBS =
  'supported|backed|endorsed|adopted|approved|passed|voted(?: for| in favou?r of)?|expelled|expelling|received|garnered|won(?: the (?:support|backing) of)?|drew(?: the (?:support|backing) of)?';
export const RU_EVENT_VERBS =
  'подписан[аоы]?|подписал[аи]?|заключ[её]н[аоы]?|заключил[аи]?|принят[аоы]?|принял[аи]?|состоял[аоси]{0,2}|проведен[аоы]?|начал[аои]?с[ья]';
export const RU_COUNT_VERBS = 'поддержал[аи]?|поддержан[аоы]?|проголосовал[аи]?|высланы|выслал[аи]?';
export const JA_EVENT_VERBS = '署名|調印|締結|採択|合意|開催|発効|行われ|行った|実施|開かれ|開始|始ま';
export const JA_COUNT_VERBS = '賛成|支持|採択|追放';

/** Auxiliaries and adverbs that may stand between an event and its verb. */
export const AUX = String.raw`(?:(?:was|were|is|are|has been|have been|had been|being|была|был|были|было|formally|officially|finally|jointly|eventually)\s+)*`;
/** Small words between a verb and its value: "signed in", "supported by", "held on". */
export const LINK = String.raw`(?:\s+(?:in|on|at|by|with|during|the|a|an|some|around|about|approximately|nearly|only|just|в|во|на|от|с))*`;

/** Who did it, between the verb and the value: "signed by Japan and Russia in 1993" (names only). */
export const AGENT = String.raw`(?:\s+by(?:\s+(?:[${UPPER_LETTERS}][${LETTERS}.'\u2019-]*|and|the))+)?`;

/** What makes a participle after the event a finite passive: "was signed", "была подписана". */
export const PASSIVE_AUX = 'was|were|is|are|has been|have been|had been|была|был|были|было';
/** Verbs an event does by itself, without an auxiliary: "the summit took place", "the war began". */
export const INTRANSITIVE = 'took place|occurred|came into force|entered into force|began|started|начал[аои]?с[ья]|состоял[аоси]{0,2}';
/** Events named by a noun: tied to an "in"/"on" value after them only as the sentence's subject ("The annexation of Crimea in 2014 …"). */
export const EVENT_NOUNS = 'invasion|annexation|аннекси[яи]|вторжени[яе]';

/**
 * Verbs that govern their event as object and date it when the value stands right before them
 * ("Hosokawa and Yeltsin in October 1993 signed the Tokyo Declaration", "СССР и Япония 19 октября
 * 1956 года подписали…"): not "adopted"/"приняли" ("adopted the Declaration as the basis") nor "ratified" (another day).
 */
export const VALUE_VERBS =
  'signed|concluded|annexed|invaded|entered|подписал[аио]?|заключил[аио]?|аннексировал[аио]?|вступил[аио]?|вторгл[аи]сь|вторгся|встретились';

/** One word between a verb (or its article) and the event: "launched the full-scale invasion", "подписана Совместная советско-японская декларация". */
export const MODIFIER = '[a-z]+-[a-z]+|совместн[а-яё]+';

export const verbs = (kind: ValueKind) => (kind === 'date' ? `${EN_EVENT_VERBS}|${RU_EVENT_VERBS}` : `${EN_COUNT_VERBS}|${RU_COUNT_VERBS}`);
export const jaVerbs = (kind: ValueKind) => (kind === 'date' ? JA_EVENT_VERBS : JA_COUNT_VERBS);

/** How a Japanese event's verb ends its clause: "署名された", "署名した", "署名がなされた". */
export const JA_DONE = 'された|されました|され|した|しました|し|た|ました|がなされた|がなされました';

/** An aside in brackets, maybe none: "(1993年10月13日)", "（日本時間）". */
export const JA_ASIDE = '(?:[(（][^)）(（]{0,20}[)）])?';

/** The value right before the event's verb, right before the event: " signed the", " года подписали" (the subject first). */
export const VALUE_VERB_EVENT = new RegExp(String.raw`^\s*(?:года|году|г\.)?\s*(?:${VALUE_VERBS})\s+(?:(?:the|a|an)\s+)?(?:(?:${MODIFIER})\s+)?$`);

/** The event dated back from an opening value ("19 October 2016: the USSR signed it 60 years ago"): the value is then the day it is recalled. */
/** …or the verb opening the event's own name, right after the value ("Russia in 2014 annexed Crimea": "annexed Crimea"). */
export const VALUE_VERB_NAME = new RegExp(`^(?:${VALUE_VERBS})\\s`);

export const DATED_BACK = new RegExp(`(?:^|[^${LETTERS}])(?:ago|years? earlier|years? before|назад)(?:[^${LETTERS}]|$)|年前`);

/**
 * The event taken as the basis of something later ("adopted the Joint Declaration as the basis of
 * talks", "приняли декларацию за основу"): the verb is the later act's, and so is its date.
 */
export const AS_BASIS = /^\s*(?:as\s+(?:the|a|an)\s+(?:basis|starting point|foundation|framework)|за\s+основу|в\s+качестве\s+основы)/;

/** A vote's tally between a resolution and its verb: "(を)141か国の賛成で採択", "賛成多数で採択". */
export const JA_VOTE = '(?:\\d+(?:か国|カ国|ヶ国|票)の)?(?:圧倒的な?)?賛成(?:多数)?で';

/** English month names: "in January 1956" is the value, not a place. */
const EN_MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';

/** Where it was done, between the verb and the value: "signed in Moscow on", "подписана в Москве". */
export const PLACE = String.raw`(?:\s+(?:in|at|в|во)\s+(?![Tt]he\s)(?!(?:${EN_MONTHS})(?:[^a-z]|$))(?!(?:${EN_MONTHS.toUpperCase()}))(?![A-Z][a-z]+\s+\d)[A-ZА-ЯЁ][${LETTERS}-]*(?:\s+[A-Z][${LETTERS}-]*)?)?`;

/**
 * A clause after the event with the event as its object and names as its subject: "…, which Japan
 * and the Soviet Union signed in 1956", "…, которую СССР и Япония подписали в 1956 году". Only
 * verbs that date the event itself ("which Japan and Russia agreed in 2018 to use" is not).
 */
export const OBJECT_RELATIVE = new RegExp(
  String.raw`^\s*,\s*(?:which|that|котор(?:ую|ый|ое|ые))\s+(?:(?:[A-ZА-ЯЁ][${LETTERS}.'\u2019-]*|and|the|и)\s+){1,6}(?:${VALUE_VERBS})${PLACE}${LINK}\s*$`,
);

/** A Japanese place: katakana or kanji, then で ("モスクワで"). */
const JA_PLACE = '[\\p{sc=Katakana}\\p{sc=Han}ー]{2,10}で';
/** The event as the topic, then a place, right before the value ("日ソ共同宣言はモスクワで"). */
export const JA_TOPIC_PLACE = new RegExp(`^(?:は|が)${JA_PLACE}$`, 'u');
/** After the value: its verb, ending the clause ("に署名された。"). */
export const JA_VERB_ENDS = new RegExp(`^(?:に|には)?(?:${JA_EVENT_VERBS})(?:${JA_DONE})?(?=[、。]|$)`);
/** After the value: a place, then its verb ending the clause ("、モスクワで署名された。"). */
export const JA_PLACE_VERB_ENDS = new RegExp(`^、?${JA_PLACE}(?:${JA_EVENT_VERBS})(?:${JA_DONE})?(?=[、。]|$)`, 'u');

/**
 * Japanese: "<value>に<names>が<verb>した<event>" ("1956年に日本とソ連が署名した日ソ共同宣言"): only
 * signing, which dates the document itself ("2018年に両首脳が合意した日ソ共同宣言を基礎とする…" is not).
 */
export const JA_VALUE_SUBJECT_VERB_EVENT = /^に[^、。をはがの]{1,12}が(?:署名|調印|締結)(?:した|し)$/;

/** Japanese: a count as the object of the event's verb ("ロシア人外交官8人を国外へ追放する"). */
export const JA_COUNT_OBJECT = /^を$/;
/** Between an event named by its verb and its value: "on", "in". */
export const ON_OR_IN = /^\s*(?:on|in|в|во)\s*$/;
