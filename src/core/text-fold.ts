// Folding makes variants of a name compare equal: width (Ｓｈｉｋｏｔａｎ), Latin diacritics
// (Shinzō), dash, quote and space styles, Russian ё. Two forms:
// - foldChars: character for character, so a match found in folded text has the same offsets in
//   the page's text. Case is left to the pattern's "i" flag.
// - fold: the identity key of an alias or a matched string (also lower-cased and trimmed).

const DASH = '-';
const APOSTROPHE = "'";
const QUOTE = '"';

const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d';
const APOSTROPHES = '\u2018\u2019\u02bc\uff07`';
const QUOTES = '\u201c\u201d\u201e\uff02';
const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_WIDTH_OFFSET = 0xfee0;
/**
 * Every character folding may change, as ranges: a class this small compiles in no time on the
 * page, where the table of 1,200 characters it stands for used to be built on every page.
 */
const FOLDABLE = /[\u00c0-\u024f\u1e00-\u1eff\uff01-\uff5e\u2010-\u2015\u2212\ufe58\ufe63\u2018\u2019\u02bc`\u201c-\u201e\u0401\u0451]/g;
const COMBINING_MARKS = /[\u0300-\u036f]+/g;
const ASCII_LETTER = /^[A-Za-z]$/;

/** What one foldable character folds to (itself where nothing applies). */
function foldOf(ch: string): string {
  if (DASHES.includes(ch)) return DASH;
  if (APOSTROPHES.includes(ch)) return APOSTROPHE;
  if (QUOTES.includes(ch)) return QUOTE;
  if (ch === 'ё') return 'е';
  if (ch === 'Ё') return 'Е';
  const code = ch.charCodeAt(0);
  if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) return String.fromCharCode(code - FULL_WIDTH_OFFSET);
  // A Latin letter with diacritics → its base letter, where the base is a single ASCII letter.
  const base = ch.normalize('NFD').replace(COMBINING_MARKS, '');
  return base !== ch && ASCII_LETTER.test(base) ? base : ch;
}

/** Folds met so far: a page repeats the same few characters. */
const folds = new Map<string, string>();

function foldOne(ch: string): string {
  let f = folds.get(ch);
  if (f === undefined) folds.set(ch, (f = foldOf(ch)));
  return f;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the class is all of ASCII, control characters included.
const HAS_NON_ASCII = /[^\x00-\x7f`]/;

/** Folds character for character: the result has exactly the length of the input. */
export function foldChars(text: string): string {
  if (!HAS_NON_ASCII.test(text)) return text;
  return text.replace(FOLDABLE, foldOne);
}

/** Lower case with the same length (offsets carry over): the few characters that lower-case to two are left as they are. */
export function lowerKeepingLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  return Array.from(text, (ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch)).join('');
}

/** The identity key of an alias or a matched string. */
export function fold(text: string): string {
  return foldChars(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/\s*-\s*/g, DASH)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What "verbatim" tolerates when a quote is checked against its source: whitespace runs and
 * quote-mark styles. Nothing else, so a changed word or date is caught.
 */
export function normalizeForQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
