// The tooltip's content: what a reader sees on hovering a mention. Corpus text is rendered as
// text nodes only (JSX escapes it), never as HTML.

import { useState } from 'preact/hooks';
import type { Category, QuoteRef, TopicDetails, TopicHead } from '../core/corpus-types';
import type { MatchRule } from '../core/matcher';
import type { Verdict } from '../core/claims';
import { OpenInSource, Quote } from './Citation';
import { formatClaimValue } from './format';
import { t, uiLanguage } from './i18n';

export type TooltipState = { kind: 'loading' } | { kind: 'ready'; details: TopicDetails } | { kind: 'error'; message: string };

export interface TooltipProps {
  head: TopicHead;
  category: Category | undefined;
  /** The alias that matched on the page and why, so a reader can tell a false match. */
  alias: string;
  rule: MatchRule;
  state: TooltipState;
  onClose: () => void;
  /** Offered in the footer when given: the reader reports this mention as a false match. */
  onWrongMatch?: () => void;
  /** For a page's statement checked against the sources: the verdict and the claims compared. */
  check?: { verdict: Verdict; claims: number[]; stated: string };
  /** Offered under each quote when given: opens the quote in its whole source document. */
  onOpenSource?: (quote: QuoteRef) => void;
}

const CHECK_HEADING = { conflict: 'checkConflict', disputed: 'checkDisputed', agrees: 'checkAgrees' } as const;

const FACTS_SHOWN = 3;

export function Tooltip({ head, category, alias, rule, state, onClose, check, onWrongMatch, onOpenSource }: TooltipProps) {
  const [allFacts, setAllFacts] = useState(false);
  const details = state.kind === 'ready' ? state.details : null;
  const topic = details?.topic;
  const facts = topic ? (allFacts ? topic.facts : topic.facts.slice(0, FACTS_SHOWN)) : [];
  const titleId = `bs-title-${head.id}`;
  const cite = details ? { corpusVersion: details.corpusVersion } : undefined;
  const claims = check && topic?.claims ? check.claims.flatMap((i) => (topic.claims![i] ? [topic.claims![i]!] : [])) : [];
  return (
    <div class="card" role="dialog" aria-labelledby={titleId} tabIndex={-1} style={{ '--cat': category?.color ?? '#666' }}>
      <header>
        <div class="heading">
          <span class="chip">{category?.label ?? head.category}</span>
          <h2 id={titleId}>{head.name}</h2>
        </div>
        <button type="button" class="close" aria-label={t('tooltipClose')} title={t('tooltipCloseHint')} onClick={onClose}>
          ×
        </button>
      </header>

      {state.kind === 'loading' && <p class="status">{t('tooltipLoading')}</p>}
      {state.kind === 'error' && <p class="status error">{t('tooltipLoadError', state.message)}</p>}

      {topic && details && (
        <OpenInSource.Provider value={onOpenSource ?? null}>
          <div class="body">
            {check && claims.length > 0 && (
              <section class={`check ${check.verdict}`} data-part="check" data-verdict={check.verdict} aria-label={t('checkLabel')}>
                <p class="check-heading">{t(CHECK_HEADING[check.verdict], check.stated)}</p>
                <p class="check-why" data-part="check-why">
                  {t('checkWhy', [claims[0]!.label, head.name])}
                </p>
                {claims.map((c, i) => (
                  <div class="claim" key={i}>
                    <p>
                      <strong>{formatClaimValue(c, uiLanguage())}</strong> — {c.label}
                    </p>
                    <Quote quote={c.quote} sources={details.sources} cite={{ corpusVersion: details.corpusVersion, context: c.label }} />
                  </div>
                ))}
              </section>
            )}
            <p class="summary">{topic.summary}</p>

            {topic.names && topic.names.length > 0 && (
              <section class="names" aria-label={t('tooltipNames')}>
                <h3>{t('tooltipNamesHeading')}</h3>
                {topic.names.map((n) => (
                  <div class="name" key={n.name}>
                    <p>
                      <strong>{n.name}</strong> — {n.usedBy}
                    </p>
                    {n.quotes.map((q, i) => (
                      <Quote key={i} quote={q} sources={details.sources} />
                    ))}
                  </div>
                ))}
              </section>
            )}

            <section class="facts" aria-label={t('tooltipFacts')}>
              <h3>{t('tooltipFacts')}</h3>
              <ul>
                {facts.map((f, i) => (
                  <li key={i}>
                    <p>{f.text}</p>
                    {f.quotes.map((q, j) => (
                      <Quote key={j} quote={q} sources={details.sources} cite={cite} />
                    ))}
                  </li>
                ))}
              </ul>
              {topic.facts.length > FACTS_SHOWN && (
                <button type="button" class="more" onClick={() => setAllFacts(!allFacts)}>
                  {allFacts ? t('tooltipShowFewerFacts') : t('tooltipShowAllFacts', topic.facts.length)}
                </button>
              )}
            </section>

            {topic.viewpoints && topic.viewpoints.length > 0 && (
              <section class="viewpoints" aria-label={t('tooltipViewpoints')}>
                <h3>{t('tooltipViewpoints')}</h3>
                <div class="sides">
                  {topic.viewpoints.map((v, i) => (
                    <article data-part="viewpoint" key={i}>
                      <h4>{v.holder}</h4>
                      <p>{v.position}</p>
                      {v.quotes.map((q, j) => (
                        <Quote key={j} quote={q} sources={details.sources} cite={{ corpusVersion: details.corpusVersion, context: v.holder }} />
                      ))}
                    </article>
                  ))}
                </div>
              </section>
            )}

            {topic.discrepancies && topic.discrepancies.length > 0 && (
              <section class="discrepancies" aria-label={t('tooltipDiscrepancies')}>
                <h3>{t('tooltipDiscrepancies')}</h3>
                {topic.discrepancies.map((d, i) => (
                  <div class="discrepancy" key={i}>
                    <p>
                      <strong>{d.about}.</strong> {d.note}
                    </p>
                    {d.quotes.map((q, j) => (
                      <Quote key={j} quote={q} sources={details.sources} />
                    ))}
                  </div>
                ))}
              </section>
            )}
          </div>
        </OpenInSource.Provider>
      )}

      <footer>
        <span>{t(rule === 'page' ? 'tooltipMatchedOnPage' : rule === 'context' ? 'tooltipMatchedInContext' : 'tooltipMatched', alias)}</span>
        {details && <span>{t('tooltipVerbatim', details.corpusVersion)}</span>}
        {onWrongMatch && (
          <button type="button" class="wrong-match" data-part="wrong-match" title={t('tooltipWrongMatchHint')} onClick={onWrongMatch}>
            {t('tooltipWrongMatch')}
          </button>
        )}
      </footer>
    </div>
  );
}
