import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { QuoteRef, TopicDetails } from '../core/corpus-types';
import { CopyCitation } from './CopyCitation';
import { t } from './i18n';

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

/**
 * Opens a quote on the reader page, in its whole source document. Provided by the tooltip; where
 * nothing provides it, quotes offer no such button.
 */
export const OpenInSource = createContext<((quote: QuoteRef) => void) | null>(null);

function InSourceButton({ quote }: { quote: QuoteRef }) {
  const open = useContext(OpenInSource);
  if (!open) return null;
  return (
    <button type="button" data-part="open-source" title={t('quoteInSourceTitle')} onClick={() => open(quote)}>
      {t('quoteInSource')}
    </button>
  );
}

/** A verbatim quote with its citation. */
export function Quote({ quote, sources, cite }: QuoteProps) {
  const source = sources[quote.source];
  const inSource = <InSourceButton quote={quote} />;
  return (
    <figure class="quote">
      <blockquote class={SELF_QUOTED.test(quote.text.trim()) ? 'self-quoted' : undefined}>{quote.text}</blockquote>
      {source && (
        <figcaption>
          <Citation source={source} />
          {cite ? (
            <CopyCitation quote={quote} source={source} corpusVersion={cite.corpusVersion} context={cite.context}>
              {inSource}
            </CopyCitation>
          ) : (
            <div class="copy">{inSource}</div>
          )}
        </figcaption>
      )}
    </figure>
  );
}
