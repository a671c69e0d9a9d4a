// Where a corpus quote lies in its source's full text. Quotes are checked at build time as
// "verbatim up to whitespace runs and quote-mark styles" (normalizeForQuote), so they are found
// the same way here and mapped back to the document's own characters, for the reader page to
// highlight exactly the words the quote stands for.

import { normalizeForQuote } from './text-fold';

export interface TextSpan {
  start: number;
  end: number;
}

const SPACE = /\s/;
/** The quote-mark styles normalizeForQuote folds, each as it writes it. */
const FOLDED = new Map(['\u2018', '\u2019', '\u02bc', '\u201c', '\u201d', '\u201e'].map((ch) => [ch, normalizeForQuote(ch)]));

/**
 * The document normalized as normalizeForQuote does it, with each of its characters' offset in
 * the original (a whitespace run becomes one space, standing at the run's first character).
 */
function normalizedWithOffsets(text: string): { normal: string; offsets: number[] } {
  const chars: string[] = [];
  const offsets: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (SPACE.test(ch)) {
      if (!inSpace) {
        chars.push(' ');
        offsets.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    chars.push(FOLDED.get(ch) ?? ch);
    offsets.push(i);
  }
  return { normal: chars.join(''), offsets };
}

/** The span of the document that the quote reproduces, or null when it isn't there. */
export function locateQuote(text: string, quote: string): TextSpan | null {
  const needle = normalizeForQuote(quote);
  if (!needle) return null;
  const { normal, offsets } = normalizedWithOffsets(text);
  const at = normal.indexOf(needle);
  if (at < 0) return null;
  const last = at + needle.length - 1;
  return { start: offsets[at]!, end: offsets[last]! + 1 };
}
