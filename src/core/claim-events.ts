// Events a sentence writes without their names, for the claim checks (`claimEvents` in
// data/README.md): "Abe and Putin met in Singapore on …" is the Singapore summit, "外務省は…8人の国外
// 退去を要請した" Japan's expulsion of the diplomats. A phrase of the event's stands for it only where
// its partners did it, or where the phrase names its own subject and opens the sentence.

import type { ClaimEventHead } from './corpus-types';
import type { Mention } from './matcher';
import { escapeRegExp, LETTERS, UPPER_LETTERS } from './regexp';

/** Words a phrase's "…" stands for: "met with … in Singapore" takes "met with Russian President Vladimir Putin in Singapore". */
const MAX_GAP_WORDS = 6;
const GAP = '…';
/**
 * A word the gap may hold: a name or a title, not a verb or a place of its own ("met Putin again
 * after their talks in Singapore" is another meeting); Russian "с" before a name ("вести с Японией переговоры").
 */
const GAP_WORD = `(?:[${UPPER_LETTERS}][${LETTERS}.'’-]*|with|and|President|Prime|Minister|Russian|Japanese|Chinese|с)`;

/** Compiled once per phrase: every sentence naming an event's partners is read for its phrases. */
const phrasePatterns = new Map<string, RegExp>();

/**
 * In a phrase written without spaces, "…" stands for up to this many characters of its clause
 * ("シンガポールで…会談" takes "シンガポールでロシアのプーチン大統領と約1時間半会談").
 */
const MAX_GAP_CHARS = 20;
const UNSPACED_GAP = `[^、。「」]{0,${MAX_GAP_CHARS}}?`;
/** Kana and kanji: a phrase in them is written without spaces. */
const UNSPACED_SCRIPT = /[\u3040-\u30ff\u4e00-\u9fff]/;

function phrasePattern(phrase: string): RegExp {
  let re = phrasePatterns.get(phrase);
  if (!re) {
    const parts = phrase.split(GAP).map((p) => escapeRegExp(p.trim()).replace(/ /g, '\\s+'));
    re = new RegExp(parts.join(UNSPACED_SCRIPT.test(phrase) ? UNSPACED_GAP : `(?:\\s+${GAP_WORD}){0,${MAX_GAP_WORDS}}?\\s+`));
    phrasePatterns.set(phrase, re);
  }
  return re;
}

/**
 * Between the partners and the event they did: nothing but a title (or 軍, a state's army: "ソ連軍は")
 * and a subject particle (…プーチン大統領は…に), then not someone's own subject. A possessive ("Putin's foreign
 * ministers met", "プーチン大統領の側近が") or a subject of its own ("…は、両国の外相が…会談した") makes it
 * someone else's event; a の in the object ("…は…大使館の外交官ら8人の国外退去を要請した") or a が in a
 * clause about a place ("…は、…サミットが開かれるシンガポールで会談した") alone doesn't. A ministry's
 * own officer, named by the office that acts for it, is the ministry ("外務省の森健良事務次官は8日、…の
 * 国外退去を求めた"); anyone else of it is not ("外務省の幹部は", "プーチン大統領の側近が").
 */
const PARTNER_TITLE = '(?:大統領|首相|総理|氏|軍|の[^、。はがの]{1,12}(?:次官|審議官|報道官|大臣))?(?:は|が)';
/** …or a clause about the partners themselves, right after them: "Abe and Putin, who met in Singapore on …". */
const SUBJECT_TO_EVENT = new RegExp(`^(?:\\s*|\\s*,\\s*who\\s+|${PARTNER_TITLE}(?:[^の]*|[^が。]*))$`);
const PARTNER_SUBJECT = new RegExp(`^${PARTNER_TITLE}`);

/**
 * Russian: what the act is about, right after its phrase ("отказывается вести переговоры [по
 * заключению] мирного договора", "приостановке переговоров с Японией о мирном договоре").
 */
const RU_OBJECT_AFTER = /^\s+(?:с\s+Японией\s+)?(?:по|о|об)(?:\s+заключению)?\s+$/;
const CYRILLIC = /[а-яё]/i;
/** Russian: a date alone between the partners and their act, as Russian orders it ("СССР 9 августа 1945 года вступил в войну"). */
const RU_DATE_BETWEEN = /^\s+(?:(?:в|во)\s+)?(?:\d{1,2}\s+)?(?:[а-яё]+\s+)?\d{4}\s+(?:года|году|г\.)\s+$/;

/** The partners did it: each named right before the phrase (joined by "and", と, и) or inside it; or, in Russian, are its object right after it. */
function partnersDid(sentence: string, phrase: { start: number; end: number }, partners: readonly Mention[]): boolean {
  const before = partners.filter((m) => m.end <= phrase.start);
  if (before.length === 0) {
    const first = partners.reduce((a, b) => (b.start < a.start ? b : a), partners[0]!);
    return CYRILLIC.test(sentence.slice(phrase.start, phrase.end)) && !!first && RU_OBJECT_AFTER.test(sentence.slice(phrase.end, first.start));
  }
  if (!partners.every((m) => m.end <= phrase.start || (m.start >= phrase.start && m.end <= phrase.end))) return false;
  const last = before.reduce((a, b) => (b.end > a.end ? b : a));
  const between = sentence.slice(last.end, phrase.start);
  if (RU_DATE_BETWEEN.test(between)) return true;
  if (!SUBJECT_TO_EVENT.test(between)) return false;
  // A が or の after the subject: the partner's own clause only ("…が開かれるシンガポールで会談した",
  // not "両外相が…シンガポールで会談したことを歓迎した"). A の in the object: the object only ("…大使館の外交官ら8人の国外退去を要請した"), not another's act
  // ("…ポーランドによるロシアの外交官45人の国外追放に抗議した", "…の国外追放を発表した"): the phrase
  // ends the partner's own clause.
  const after = sentence.slice(phrase.end);
  // Past the partner's own subject particle, any other subject ("…は、ドイツも…を決めたことについて") makes it another's act.
  const inner = between.replace(PARTNER_SUBJECT, '');
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
 * Before a phrase that names its own subject ("Japan expelled …"): nothing, or a dateline
 * ("TOKYO, April 8 (Reuters) - ", "TOKYO (AP) — "). Anywhere else the subject may be one of several
 * ("Germany and Japan expelled …") or someone else's ("a decision by Tokyo to expel …").
 */
const OPENS_SENTENCE = /^(?:\s*|.*[)\s](?:-{1,2}|[\u2013\u2014])\s*)$/s;

/** Whether a sentence-relative span is followed, past spaces only, by the mention (page offsets). */
const objectAfter = (sentence: string, offset: number, at: { end: number }, m: Mention) =>
  m.start - offset > at.end && /^\s+$/.test(sentence.slice(at.end, m.start - offset));

/**
 * Events a sentence writes without their names ("Abe and Putin met in Singapore on …"): a phrase
 * of the event's, done by its partner topics (the sentence names each right before the phrase or
 * inside it) or naming its own subject at the sentence's start ("Japan expelled …"), in a sentence
 * that doesn't name the event itself — but for a name that is the act's object, right after it
 * ("Japan expelled eight Russian diplomats": the count is in the name). Offsets are the sentence's.
 */
export function unnamedEvents(sentence: string, offset: number, inSentence: readonly Mention[], events: readonly ClaimEventHead[]): Mention[] {
  const out: Mention[] = [];
  for (const e of events) {
    if (e.dated) continue; // read by its date (dated-events.ts)
    const named = inSentence.filter((m) => m.topic === e.topic);
    if (named.length > 0 && e.with.length > 0) continue;
    const partners = inSentence.filter((m) => e.with.includes(m.topic)).map((m) => ({ ...m, start: m.start - offset, end: m.end - offset }));
    if (!e.with.every((t) => partners.some((m) => m.topic === t))) continue;
    for (const phrase of e.phrases) {
      const found = phrasePattern(phrase).exec(sentence);
      if (!found) continue;
      const at = { start: found.index, end: found.index + found[0].length };
      if (!named.every((m) => objectAfter(sentence, offset, at, m))) break;
      if (e.with.length > 0 ? !partnersDid(sentence, at, partners) : !OPENS_SENTENCE.test(sentence.slice(0, at.start))) continue;
      out.push({ start: offset + at.start, end: offset + at.end, topic: e.topic, alias: phrase, rule: 'context' });
      break;
    }
  }
  return out;
}

/**
 * Whether a mention is of an act that recurs in other years (ClaimEventRule.recurs), written by a
 * phrase or by a name: "the Soviet invasion of Manchuria" names the 1929 one too.
 */
export function recurs(m: Mention, events: readonly ClaimEventHead[]): boolean {
  return events.some((e) => e.topic === m.topic && e.recurs);
}

/** Whether an unnamed event was found by a phrase naming its own subject (no partners: "Japan expelled"). */
export function ownSubject(m: Mention, events: readonly ClaimEventHead[]): boolean {
  return events.some((e) => e.topic === m.topic && e.with.length === 0 && !e.dated && e.phrases.includes(m.alias));
}

/**
 * The names that are an unnamed act's object, right after its phrase ("Japan expelled [eight
 * Russian diplomats]"): a count inside one is the act's. Page offsets.
 */
export function objectsOf(text: string, unnamed: readonly Mention[], names: readonly Mention[]): Mention[] {
  return names.filter((x) => unnamed.some((u) => u.topic === x.topic && x.start > u.end && /^\s+$/.test(text.slice(u.end, x.start))));
}

/**
 * Compiled once per set of events (a corpus's, or a request's): the content script asks for every
 * run with a mention, so the lookup is by the array itself, not a key built from its phrases.
 */
const ownActPatterns = new WeakMap<readonly ClaimEventHead[], RegExp | null>();

/**
 * The phrases that name their own subject ("Japan expelled", "Япония выслала") or the body of a
 * dated event ("General Assembly"), any of them; null if there are none.
 */
export function ownActPattern(events: readonly ClaimEventHead[]): RegExp | null {
  let re = ownActPatterns.get(events);
  if (re === undefined) {
    const phrases = events.filter((e) => e.with.length === 0).flatMap((e) => e.phrases);
    re = phrases.length ? new RegExp(phrases.map((p) => phrasePattern(p).source).join('|'), 'g') : null;
    ownActPatterns.set(events, re);
  }
  return re;
}

/**
 * Where a run's text holds an act naming its own subject: its sentence may state the act's count
 * though it names no topic ("Japan to expel 11 Russian diplomats" in a paragraph on sanctions).
 */
export function ownActsIn(text: string, events: readonly ClaimEventHead[]): number[] {
  const re = ownActPattern(events);
  if (!re) return [];
  re.lastIndex = 0;
  return [...text.matchAll(re)].map((m) => m.index ?? 0);
}
