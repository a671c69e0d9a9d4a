// The tooltip's content: what a reader sees on hovering a mention. Corpus text is rendered as
// text nodes only (JSX escapes it), never as HTML.

import { useState } from 'preact/hooks';
import type { Category, Claim, QuoteRef, TopicDetails, TopicHead } from '../core/corpus-types';
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

type Details = TopicDetails;
type TopicBody = TopicDetails['topic'];

/** A page's statement beside the sourced values it was compared with, and why it was judged. */
function CheckSection({
  check,
  claims,
  details,
  topicName,
}: {
  check: NonNullable<TooltipProps['check']>;
  claims: Claim[];
  details: Details;
  topicName: string;
}) {
  return (
    <section class={`check ${check.verdict}`} data-part="check" data-verdict={check.verdict} aria-label={t('checkLabel')}>
      <p class="check-heading">{t(CHECK_HEADING[check.verdict], check.stated)}</p>
      <p class="check-why" data-part="check-why">
        {t('checkWhy', [claims[0]!.label, topicName])}
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
  );
}

/** Who calls the topic by which name, where a name itself takes a side. */
function NamesSection({ names, details }: { names: NonNullable<TopicBody['names']>; details: Details }) {
  return (
    <section class="names" aria-label={t('tooltipNames')}>
      <h3>{t('tooltipNamesHeading')}</h3>
      {names.map((n) => (
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
  );
}

/** The first FACTS_SHOWN facts with their quotes, and the rest on request. */
function FactsSection({ topic, details }: { topic: TopicBody; details: Details }) {
  const [allFacts, setAllFacts] = useState(false);
  const facts = allFacts ? topic.facts : topic.facts.slice(0, FACTS_SHOWN);
  const cite = { corpusVersion: details.corpusVersion };
  return (
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
  );
}

/** Opposing viewpoints side by side, each with its holder and quotes. */
function ViewpointsSection({ viewpoints, details }: { viewpoints: NonNullable<TopicBody['viewpoints']>; details: Details }) {
  return (
    <section class="viewpoints" aria-label={t('tooltipViewpoints')}>
      <h3>{t('tooltipViewpoints')}</h3>
      <div class="sides">
        {viewpoints.map((v, i) => (
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
  );
}

/** Where the sources disagree among themselves. */
function DiscrepanciesSection({ discrepancies, details }: { discrepancies: NonNullable<TopicBody['discrepancies']>; details: Details }) {
  return (
    <section class="discrepancies" aria-label={t('tooltipDiscrepancies')}>
      <h3>{t('tooltipDiscrepancies')}</h3>
      {discrepancies.map((d, i) => (
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
  );
}

/** What matched and why, the corpus version, and "Wrong match". */
function TooltipFooter({ alias, rule, details, onWrongMatch }: Pick<TooltipProps, 'alias' | 'rule' | 'onWrongMatch'> & { details: Details | null }) {
  return (
    <footer>
      <span>{t(rule === 'page' ? 'tooltipMatchedOnPage' : rule === 'context' ? 'tooltipMatchedInContext' : 'tooltipMatched', alias)}</span>
      {details && <span>{t('tooltipVerbatim', details.corpusVersion)}</span>}
      {onWrongMatch && (
        <button type="button" class="wrong-match" data-part="wrong-match" title={t('tooltipWrongMatchHint')} onClick={onWrongMatch}>
          {t('tooltipWrongMatch')}
        </button>
      )}
    </footer>
  );
}

export function Tooltip({ head, category, alias, rule, state, onClose, check, onWrongMatch, onOpenSource }: TooltipProps) {
  const details = state.kind === 'ready' ? state.details : null;
  const topic = details?.topic;
  const titleId = `bs-title-${head.id}`;
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
            {check && claims.length > 0 && <CheckSection check={check} claims={claims} details={details} topicName={head.name} />}
            <p class="summary">{topic.summary}</p>
            {topic.names && topic.names.length > 0 && <NamesSection names={topic.names} details={details} />}
            <FactsSection topic={topic} details={details} />
            {topic.viewpoints && topic.viewpoints.length > 0 && <ViewpointsSection viewpoints={topic.viewpoints} details={details} />}
            {topic.discrepancies && topic.discrepancies.length > 0 && <DiscrepanciesSection discrepancies={topic.discrepancies} details={details} />}
          </div>
        </OpenInSource.Provider>
      )}

      <TooltipFooter alias={alias} rule={rule} details={details} onWrongMatch={onWrongMatch} />
    </div>
  );
}
