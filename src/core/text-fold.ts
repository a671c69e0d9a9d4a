// Folding makes variants of a name compare equal: width (Ｓｈｉｋｏｔａｎ), Latin diacritics
// (Shinzō), dash, quote and space styles, Russian ё. Two forms:
// - foldChars: character for character, so a match found in folded text has the same offsets in
//   the page's text. Case is left to the pattern's "i" flag.
// - fold: the identity key of an alias or a matched string (also lower-cased and trimmed).

const DASH = '-';
const APOSTROPHE = "'";
const QUOTE = '"';

function buildCharMap(): Map<string, string> {
  const map = new Map<string, string>();
  // Latin letters with diacritics → their base letter, where the base is a single ASCII letter.
  const ranges: Array<[number, number]> = [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of ranges) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCharCode(cp);
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]+/g, '');
      if (base !== ch && /^[A-Za-z]$/.test(base)) map.set(ch, base);
    }
  }
  // Full-width ASCII → ASCII.
  for (let cp = 0xff01; cp <= 0xff5e; cp++) map.set(String.fromCharCode(cp), String.fromCharCode(cp - 0xfee0));
  for (const ch of '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d') map.set(ch, DASH);
  for (const ch of '\u2018\u2019\u02bc\uff07`') map.set(ch, APOSTROPHE);
  for (const ch of '\u201c\u201d\u201e\uff02') map.set(ch, QUOTE);
  map.set('ё', 'е');
  map.set('Ё', 'Е');
  return map;
}

let charMap: Map<string, string> | null = null;
let foldable: RegExp | null = null;

function getCharMap(): { map: Map<string, string>; re: RegExp } {
  if (!charMap || !foldable) {
    charMap = buildCharMap();
    const escaped = [...charMap.keys()].map((c) => (c === '-' || c === '\\' || c === ']' || c === '^' ? `\\${c}` : c));
    foldable = new RegExp(`[${escaped.join('')}]`, 'g');
  }
  return { map: charMap, re: foldable };
}

const HAS_NON_ASCII = /[^\x00-\x7f`]/;

/** Folds character for character: the result has exactly the length of the input. */
export function foldChars(text: string): string {
  if (!HAS_NON_ASCII.test(text)) return text;
  const { map, re } = getCharMap();
  return text.replace(re, (ch) => map.get(ch) ?? ch);
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
