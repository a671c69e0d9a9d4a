// Where a page's sentences begin and end, for the claim checks: a full stop after an abbreviation
// ("Nov.", "Mr.", "U.S.") or a single letter doesn't end one.

import { LETTERS } from './regexp';

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
