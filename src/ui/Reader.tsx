// The reader page's content: a source document in full, its metadata, and the quote a tooltip
// showed, highlighted, scrolled into view and focused (so a keyboard or screen reader lands on it).
// Document text is rendered as text (JSX escapes it), never as HTML.

import { useEffect, useRef } from 'preact/hooks';
import type { SourceDocument } from '../core/corpus-types';
import type { TextSpan } from '../core/quote-locate';
import { t, type MessageKey } from './i18n';

/** Where the document came from: bundled with the extension, or one of the reader's own packs. */
export type DocumentOrigin = { kind: 'bundled'; corpusVersion: string } | { kind: 'pack'; packName: string };

export type ReaderState =
  | { kind: 'loading' }
  | { kind: 'error'; message: MessageKey }
  | { kind: 'ready'; document: SourceDocument; origin: DocumentOrigin; quote: TextSpan | null };

function Metadata({ document }: { document: SourceDocument }) {
  const rows: Array<[MessageKey, string | null]> = [
    ['readerPublisher', document.publisher],
    ['readerAuthor', document.author],
    ['readerDate', document.dateText ?? document.date],
    ['readerLanguage', document.language],
  ];
  return (
    <dl class="meta">
      {rows.map(([label, value]) =>
        value ? (
          <>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </>
        ) : null,
      )}
      <dt>{t('readerAddress')}</dt>
      <dd>
        {document.url ? (
          <a href={document.url} rel="noopener noreferrer">
            {document.url}
          </a>
        ) : (
          t('readerNoAddressGiven')
        )}
      </dd>
      {document.notes && (
        <>
          <dt>{t('readerNotes')}</dt>
          <dd>{document.notes}</dd>
        </>
      )}
    </dl>
  );
}

function DocumentText({ document, quote }: { document: SourceDocument; quote: TextSpan | null }) {
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
    mark.current?.focus({ preventScroll: true });
  }, [quote]);
  const { text } = document;
  return (
    <article class="document" lang={document.language}>
      {quote ? (
        <>
          {text.slice(0, quote.start)}
          <mark id="quote" data-part="quote" tabIndex={-1} ref={mark}>
            {text.slice(quote.start, quote.end)}
          </mark>
          {text.slice(quote.end)}
        </>
      ) : (
        text
      )}
    </article>
  );
}

export function Reader({ state }: { state: ReaderState }) {
  if (state.kind === 'loading') return <p class="status">{t('readerLoading')}</p>;
  if (state.kind === 'error') {
    return (
      <main class="reader">
        <p class="brand">Backstory</p>
        <p class="status error" role="alert">
          {t(state.message)}
        </p>
      </main>
    );
  }
  const { document, origin, quote } = state;
  return (
    <main class="reader">
      <p class="brand">Backstory</p>
      <h1 lang={document.language}>{document.title}</h1>
      <Metadata document={document} />
      <p class="origin">{origin.kind === 'bundled' ? t('readerBundled', origin.corpusVersion) : t('readerFromPack', origin.packName)}</p>
      <p class={quote ? 'status' : 'status missing'} role="status">
        {quote ? t('readerQuoted') : t('readerQuoteMissing')}
        {quote && <a href="#quote">{t('readerJump')}</a>}
      </p>
      <DocumentText document={document} quote={quote} />
    </main>
  );
}
