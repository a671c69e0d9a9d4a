// Text put into a RegExp source as itself.

/** Escapes every character a RegExp source gives a meaning to. */
export const escapeRegExp = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

// Character classes written out by range. A RegExp with `\p{L}` needs the `u` flag, and with `i`
// as well V8 builds the case closure of every letter in Unicode when it compiles it: several ms on
// a page for each such pattern, where these classes compile in a fraction of one. They cover the
// scripts the corpus and the pages about it are written in.

/** Letters: Latin (with its extensions), Greek, Cyrillic, kana, kanji, Hangul. A class body, for `[…]`. */
export const LETTERS =
  'A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u1e00-\\u1eff\\u0370-\\u03ff\\u0400-\\u052f\\u3040-\\u30ff\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\uff21-\\uff3a\\uff41-\\uff5a\\uff66-\\uff9f';
/**
 * Upper-case letters of the cased scripts among LETTERS (Latin Extended-A and Additional are
 * mixed case, so all of them: a lower-case one there only lets a name pattern read a little more).
 */
export const UPPER_LETTERS = 'A-Z\\u00c0-\\u00d6\\u00d8-\\u00de\\u0100-\\u017f\\u1e00-\\u1eff\\u0391-\\u03a9\\u0400-\\u042f\\uff21-\\uff3a';
/** Digits: ASCII and full-width. */
export const DIGITS = '0-9\\uff10-\\uff19';
/** Latin and Cyrillic letters and digits (full-width forms too): the scripts that write words apart. */
export const SPACED_WORD =
  'A-Za-z0-9\\u00aa\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u1e00-\\u1eff\\u0400-\\u052f\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a';
