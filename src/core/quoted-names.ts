// A name as a page quotes it: news copy often sets an event's name in quotation marks
// ("「日露関係に関する東京宣言」が調印された", "signed the “Tokyo Declaration” in 1993"). The claim checks
// (statement-ties.ts) read the words around the marks as they read those around an unquoted name.

interface Span {
  start: number;
  end: number;
}

/** Quotation marks a name may stand in ("「日露関係に関する東京宣言」が調印された", "signed the “Tokyo Declaration” in 1993"): opening, then its closing. */
const QUOTE_PAIRS: Record<string, string> = { '「': '」', '『': '』', '“': '”', '«': '»', '"': '"' };

/**
 * The event with the quotation marks it stands in, if any: the marks are part of its name as the
 * page writes it, so the words around them are read as around an unquoted name.
 */
export function withQuotes(sentence: string, event: Span): Span {
  const close = QUOTE_PAIRS[sentence.charAt(event.start - 1)];
  return close && sentence.charAt(event.end) === close ? { start: event.start - 1, end: event.end + 1 } : event;
}
