import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { citeQuote } from '../core/citation';
import type { QuoteRef, TopicDetails } from '../core/corpus-types';
import { copyText } from './clipboard';
import { t } from './i18n';

type SourceMeta = TopicDetails['sources'][string];

interface CopyCitationProps {
  quote: QuoteRef;
  source: SourceMeta;
  corpusVersion: string;
  context?: string;
  /** Other buttons of the same row, shown first. */
  children?: ComponentChildren;
}

/** Two small buttons under a quote: its citation as plain text, and as Markdown. */
export function CopyCitation({ quote, source, corpusVersion, context, children }: CopyCitationProps) {
  const [done, setDone] = useState<'text' | 'markdown' | 'failed' | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const copy = async (form: 'text' | 'markdown') => {
    const citation = citeQuote(quote, source, corpusVersion, context);
    const ok = ref.current ? await copyText(form === 'text' ? citation.text : citation.markdown, ref.current) : false;
    setDone(ok ? form : 'failed');
    setTimeout(() => setDone(null), 1500);
  };
  return (
    <div class="copy" ref={ref}>
      {children}
      <button type="button" data-copy="text" onClick={() => void copy('text')}>
        {done === 'text' ? t('copied') : done === 'failed' ? t('copyFailed') : t('copyCitation')}
      </button>
      <button type="button" data-copy="markdown" onClick={() => void copy('markdown')}>
        {done === 'markdown' ? t('copied') : t('copyMarkdown')}
      </button>
    </div>
  );
}
