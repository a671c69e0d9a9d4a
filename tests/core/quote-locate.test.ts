import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateQuote } from '../../src/core/quote-locate';
import { isReaderTarget, MAX_QUOTE_CHARS, parseReaderQuery, readerPath } from '../../src/core/reader-link';

const DATA = join(import.meta.dirname, '..', '..', 'data');

describe('locateQuote', () => {
  const doc = 'First paragraph.\n\nThe  two sides\n  signed the “Joint Declaration” in 1956.\nLast line.';
  const at = (quote: string) => {
    const span = locateQuote(doc, quote);
    return span && doc.slice(span.start, span.end);
  };

  it('finds a quote across line breaks and runs of spaces, returning the document’s own characters', () => {
    expect(at('The two sides signed the "Joint Declaration" in 1956.')).toBe('The  two sides\n  signed the “Joint Declaration” in 1956.');
  });

  it('tolerates surrounding whitespace in the quote, and finds a single word', () => {
    expect(at('  Last line. ')).toBe('Last line.');
    expect(at('paragraph')).toBe('paragraph');
  });

  it('does not find a changed word, a changed year or an empty quote', () => {
    expect(locateQuote(doc, 'The two sides signed the Joint Declaration in 1957.')).toBeNull();
    expect(locateQuote(doc, 'The three sides')).toBeNull();
    expect(locateQuote(doc, '   ')).toBeNull();
  });

  it('finds every quote of the bundled corpus in its source’s full text', () => {
    const sources = new Map<string, string>();
    for (const f of readdirSync(join(DATA, 'sources')).filter((f) => f.endsWith('.json'))) {
      const meta = JSON.parse(readFileSync(join(DATA, 'sources', f), 'utf8')) as { id: string; file: string };
      sources.set(meta.id, readFileSync(join(DATA, 'sources', meta.file), 'utf8'));
    }
    const quotes: Array<{ source: string; text: string }> = [];
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) {
        v.forEach(collect);
        return;
      }
      if (typeof v !== 'object' || v === null) return;
      const o = v as Record<string, unknown>;
      if (typeof o.source === 'string' && typeof o.text === 'string') quotes.push({ source: o.source, text: o.text });
      Object.values(o).forEach(collect);
    };
    for (const f of readdirSync(join(DATA, 'topics'))) collect(JSON.parse(readFileSync(join(DATA, 'topics', f), 'utf8')));
    expect(quotes.length).toBeGreaterThan(200);
    const missing = quotes.filter((q) => !locateQuote(sources.get(q.source) ?? '', q.text));
    expect(missing).toEqual([]);
  });
});

describe('reader addresses', () => {
  const target = { topicId: 'singapore-summit-2018', sourceId: 'rusi-brown-2022', quote: 'In November 2018, at a summit in Singapore & elsewhere?' };

  it('round-trip through the reader page’s query', () => {
    const path = readerPath(target);
    expect(path.startsWith('reader.html?')).toBe(true);
    expect(parseReaderQuery(path.slice(path.indexOf('?')))).toEqual(target);
  });

  it('refuse ids that are not ours, a missing or over-long quote', () => {
    expect(isReaderTarget({ ...target, topicId: '../details/x' })).toBe(false);
    expect(isReaderTarget({ ...target, sourceId: 'Rusi' })).toBe(false);
    expect(isReaderTarget({ ...target, quote: ' ' })).toBe(false);
    expect(isReaderTarget({ ...target, quote: 'x'.repeat(MAX_QUOTE_CHARS + 1) })).toBe(false);
    expect(parseReaderQuery('?topic=a&source=b')).toBeNull();
    expect(isReaderTarget(null)).toBe(false);
  });
});
