import type { QuoteRef, TopicDetails } from '../core/corpus-types';

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

/** A verbatim quote with its citation. */
export function Quote({ quote, sources }: { quote: QuoteRef; sources: TopicDetails['sources'] }) {
  const source = sources[quote.source];
  return (
    <figure class="quote">
      <blockquote>{quote.text}</blockquote>
      {source && (
        <figcaption>
          <Citation source={source} />
        </figcaption>
      )}
    </figure>
  );
}
