// What the words around a name say about it: a capitalized neighbour makes a surname someone
// else's, a dash-joined pair of other parties makes a document theirs, a kanji before a short
// kanji name makes it part of a longer word. Read by the matcher on every ambiguous name, so
// written with character codes rather than Unicode-property RegExps.

import { isWordCode } from './automaton';
import { ASCII_END } from './automaton-layout';

/**
 * Texts joined by this are read as separate texts (scan.ts searches many short runs at once): no
 * name, context word or neighbouring word is read across it. No alias holds it, and parsed HTML
 * never does (the parser replaces it); text a script puts in may, and only reads as cut there.
 */
export const RUN_SEPARATOR = '\u0000';

/** An upper-case first letter, without a Unicode-property RegExp (compiling one costs every page). */
export const isCapitalized = (w: string): boolean => {
  const code = w.charCodeAt(0);
  // ASCII without a case mapping: this runs for every ambiguous name on a page.
  if (code < ASCII_END) return code >= 65 && code <= 90;
  const first = w.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
};
/**
 * A bare Latin-script surname ("Abe", "Lavrov"): the only kind of alias the capitalized-neighbour
 * rule reads. Not codes ("ES-11/1"), and not Cyrillic, where a capitalized word before a name is
 * as often a sentence's first word ("Также Лавров считает") as a first name.
 */
export const isLatinSurname = (alias: string): boolean => /^[A-Z][A-Za-z'’-]*$/.test(alias);
/** A Russian patronymic ("Sergey Viktorovich Lavrov"): the person's own middle name, not someone else. */
export const PATRONYMIC = /(?:ovich|evich|ich|ovna|evna|ichna)$/i;
/**
 * A Cyrillic name opening a sentence with a comma after it is a discourse word there: "Правда,
 * переговоры продолжились" (true, …), not the newspaper.
 */
export function isDiscourseWord(alias: string, text: string, start: number, end: number): boolean {
  if (!/^[\u0400-\u04ff]+$/.test(alias) || text.charAt(end) !== ',') return false;
  let at = start;
  while (at > 0 && /\s/.test(text.charAt(at - 1))) at--;
  const before = text.charAt(at - 1);
  return at === 0 || before === RUN_SEPARATOR || '.!?…'.includes(before);
}

/** Names of documents and meetings: "X–Y Joint Declaration" is that pair's (see otherPairs). */
const DOCUMENT_NAME = /(?:declaration|agreement|treaty|pact|summit|resolution|statement)$/i;
/** The text just before a name, read for a pair of parties joined by a dash ("Japan–South Korea ", "EU–"). */
const PAIR_BEFORE = /(?:([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s*-\s*([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+|([A-Z][\w.]*)-)$/;
const PAIR_REACH = 40;
/** The parties of the corpus's documents: Japan on one side, the Soviet Union or Russia on the other (by country or leader). */
const JAPAN_SIDE = /\b(?:japan|japanese|tokyo|hosokawa|abe|hatoyama|mori|koizumi|kishida|suga)\b/i;
const RUSSIA_SIDE = /\b(?:soviet|ussr|u\.s\.s\.r|russia|russian|russo|moscow|yeltsin|putin|khrushchev|gorbachev|bulganin|medvedev)\b/i;

/**
 * An ambiguous document name right after a dash-joined pair of other parties is that pair's
 * document: "the Japan–South Korea Joint Declaration of 1998", "the Trump–Kim Singapore summit",
 * "the EU–Singapore Agreement". Japan's with the Soviet Union or Russia ("the Soviet–Japanese
 * Neutrality Pact", "the Abe–Putin Singapore summit") stays.
 */
export function namesOtherPair(alias: string, text: string, start: number): boolean {
  if (!DOCUMENT_NAME.test(alias)) return false;
  const pair = PAIR_BEFORE.exec(text.slice(Math.max(0, start - PAIR_REACH), start));
  if (!pair) return false;
  const parties = pair[0];
  return !(JAPAN_SIDE.test(parties) && RUSSIA_SIDE.test(parties));
}

/** The part of a stretch of context before `at` or after it that belongs to the same text (see RUN_SEPARATOR). */
export const sameTextBefore = (t: string, from: number, at: number): string => {
  const before = t.slice(from, at);
  return before.slice(before.lastIndexOf(RUN_SEPARATOR) + 1);
};
export const sameTextAfter = (t: string, at: number, to: number): string => {
  const after = t.slice(at, to);
  const cut = after.indexOf(RUN_SEPARATOR);
  return cut < 0 ? after : after.slice(0, cut);
};
/** Kanji (CJK ideographs, their extension A and compatibility block, and the supplementary planes' surrogates), by code unit: no Unicode-property RegExp to compile on every page. */
export const isHanCode = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd87f);
/** Kanji names this short (国後, 安倍) are read as part of a longer word after another kanji. */
export const SHORT_KANJI_NAME = 2;
export const isHanOnly = (w: string): boolean => w.length > 0 && [...w].every((ch) => isHanCode(ch.charCodeAt(0)));
const APOSTROPHE = 0x27;
const FULL_STOP = 0x2e;
const isNameCode = (code: number): boolean => isWordCode(code) || code === APOSTROPHE || code === FULL_STOP;
const isSpaceCode = (code: number): boolean => code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0;
/** Sentence-initial function words are capitalized without being names. */
export const FUNCTION_WORDS = new Set(
  'the a an and but or nor so yet when while after before as in on at by for with under since if that this then of to from also however meanwhile both'.split(
    ' ',
  ),
);

/** The word (letters, apostrophes, full stops) just before `at`, past the spaces there; '' if none. */
export function wordBefore(text: string, at: number): string {
  let end = at;
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end === at || hasLineBreak(text, end, at)) return '';
  let start = end;
  while (start > 0 && isNameCode(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end);
}

/** A line break between two words: a heading or a paragraph ends there, no name runs across it. */
const hasLineBreak = (text: string, from: number, to: number): boolean => /[\n\r]/.test(text.slice(from, to));

/** The word just after `at`, past the spaces there; '' if none. */
export function wordAfter(text: string, at: number): string {
  let start = at;
  while (start < text.length && isSpaceCode(text.charCodeAt(start))) start++;
  if (start === at || hasLineBreak(text, at, start)) return '';
  let end = start;
  while (end < text.length && isNameCode(text.charCodeAt(end))) end++;
  return text.slice(start, end);
}
