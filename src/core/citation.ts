// A ready citation of a quoted passage, for journalists: the quote, who wrote it, where and when,
// its address where the source gives one, and the corpus version it came from. Only what the
// source metadata says; nothing is filled in.

import type { QuoteRef, TopicDetails } from './corpus-types';

type SourceMeta = TopicDetails['sources'][string];

export interface Citation {
  text: string;
  markdown: string;
}

function byline(s: SourceMeta): string[] {
  return [s.author, s.publisher, s.dateText].filter((x): x is string => !!x);
}

export function citeQuote(quote: QuoteRef, source: SourceMeta, corpusVersion: string, context?: string): Citation {
  const lead = context ? `${context}: ` : '';
  const parts = byline(source);
  const plain = [
    `${lead}“${quote.text}”`,
    `— ${[...parts.slice(0, 1), `“${source.title}”`, ...parts.slice(1)].join(', ')}.`,
    source.url ? source.url : null,
    `(Quoted via Backstory, corpus ${corpusVersion}.)`,
  ].filter((x): x is string => !!x);
  const titleMd = source.url ? `[${escapeMd(source.title)}](${source.url})` : `*${escapeMd(source.title)}*`;
  const markdown = [
    `> ${lead ? `**${escapeMd(context!)}:** ` : ''}${escapeMd(quote.text)}`,
    '>',
    `> — ${[...parts.slice(0, 1).map(escapeMd), titleMd, ...parts.slice(1).map(escapeMd)].join(', ')}. Quoted via Backstory, corpus \`${corpusVersion}\`.`,
  ].join('\n');
  return { text: plain.join(' '), markdown };
}

/** Text from a source or a page, written so Markdown shows it as text (no link, image, emphasis or HTML). */
export function escapeMd(s: string): string {
  return s.replace(/([\\`*_[\]<>#|~])/g, '\\$1');
}
