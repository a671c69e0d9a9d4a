import type { QuoteRef, TopicDetails } from '../core/corpus-types';
import { CopyCitation } from './CopyCitation';

type SourceMeta = TopicDetails['sources'][string];

/** Publisher · author · date, then the title (a link only where the source gives an address). */
export function Citation({ source }: { source: SourceMeta }) {
  const byline = [source.publisher, source.author, source.dateText].filter((x): x is string => !!x);
  return (
    <cite class="citation" data-part="source" data-source-id={source.id}>
      {byline.length > 0 && <span class="byline">{byline.join(' · ')}</span>}
      {source.url ? (
        <a class="title" href={source.url} target="_blank" rel="noopener noreferrer">
          {source.title}
        </a>
      ) : (
        <span class="title">{source.title}</span>
      )}
    </cite>
  );
}

/** Quotes that carry their own quotation marks get no extra ones from the stylesheet. */
const SELF_QUOTED = /^["“‘'].*["”’']$/s;

export interface QuoteProps {
  quote: QuoteRef;
  sources: TopicDetails['sources'];
  /** Offers "copy citation" when given: the corpus version, and what the quote supports. */
  cite?: { corpusVersion: string; context?: string };
}

/** A verbatim quote with its citation. */
export function Quote({ quote, sources, cite }: QuoteProps) {
  const source = sources[quote.source];
  return (
    <figure class="quote">
      <blockquote class={SELF_QUOTED.test(quote.text.trim()) ? 'self-quoted' : undefined}>{quote.text}</blockquote>
      {source && (
        <figcaption>
          <Citation source={source} />
          {cite && <CopyCitation quote={quote} source={source} corpusVersion={cite.corpusVersion} context={cite.context} />}
        </figcaption>
      )}
    </figure>
  );
}
