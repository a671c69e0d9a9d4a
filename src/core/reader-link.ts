// The address of Backstory's reader page for one quote: the bundled document it comes from, shown
// in full with the quote highlighted. Built by the background from what a tooltip asks for, read
// back by the reader page; ids are checked both ways so an address can't point anywhere else.

import { isObj, isText } from './guards';
import { isCorpusId } from './ids';

export const READER_PAGE = 'reader.html';

/** A quote is a passage, not a document: longer text in an address is refused. */
export const MAX_QUOTE_CHARS = 4000;

export interface ReaderTarget {
  /** The topic whose tooltip showed the quote (says whose pack the source is in). */
  topicId: string;
  sourceId: string;
  quote: string;
}

export function isReaderTarget(v: unknown): v is ReaderTarget {
  if (!isObj(v)) return false;
  const { topicId, sourceId, quote } = v;
  return isCorpusId(topicId) && isCorpusId(sourceId) && isText(quote) && quote.length <= MAX_QUOTE_CHARS;
}

export function readerPath(target: ReaderTarget): string {
  const query = new URLSearchParams({ topic: target.topicId, source: target.sourceId, quote: target.quote });
  return `${READER_PAGE}?${query.toString()}`;
}

/** What the reader page was asked to show, or null for an address that isn't one of ours. */
export function parseReaderQuery(search: string): ReaderTarget | null {
  const q = new URLSearchParams(search);
  const target = { topicId: q.get('topic'), sourceId: q.get('source'), quote: q.get('quote') };
  return isReaderTarget(target) ? target : null;
}
