// The page report a journalist copies from the popup: every statement checked on the page (its
// sentence, the verdict, the sourced value with its verbatim quote and full citation) and every
// topic found with its sourced facts and viewpoints. Markdown, so it pastes into notes as it is.

import { citeQuote, escapeMd } from '../core/citation';
import type { Category, QuoteRef, TopicDetails } from '../core/corpus-types';
import type { CheckedStatement, PageReport } from '../core/messages';
import { formatClaimValue } from './format';
import { t, type MessageKey } from './i18n';

const VERDICT: Record<CheckedStatement['verdict'], MessageKey> = {
  conflict: 'reportVerdictConflict',
  disputed: 'reportVerdictDisputed',
  agrees: 'reportVerdictAgrees',
};

export interface ReportContext {
  /** Each topic's details by id; null where they could not be loaded. */
  details: ReadonlyMap<string, TopicDetails | null>;
  categories: readonly Category[];
  /** When the report was made, as the reader reads dates. */
  madeAt: string;
  corpusVersion: string;
  lang: string;
}

function quoteBlock(quote: QuoteRef, details: TopicDetails, context?: string): string[] {
  const source = details.sources[quote.source];
  if (!source) return [`> ${quote.text}`];
  return [citeQuote(quote, source, details.corpusVersion, context).markdown];
}

function checkSection(check: CheckedStatement, n: number, ctx: ReportContext): string[] {
  const details = ctx.details.get(check.topicId);
  const out = [`### ${n}. ${t(VERDICT[check.verdict])} — ${t('reportStated', escapeMd(check.stated))}`, ''];
  out.push(`${t('reportInSentence')}: “${escapeMd(check.sentence)}”`, '');
  if (!details) return [...out, t('reportDetailsMissing'), ''];
  const claims = check.claims.flatMap((i) => (details.topic.claims?.[i] ? [details.topic.claims[i]!] : []));
  out.push(`${t('reportCheckedAs')}: ${claims[0]?.label ?? ''} (${details.topic.name})`, '');
  for (const c of claims) out.push(...quoteBlock(c.quote, details, `${c.label}: ${formatClaimValue(c, ctx.lang)}`), '');
  return out;
}

function topicSection(id: string, name: string, count: number, ctx: ReportContext): string[] {
  const details = ctx.details.get(id);
  const out = [`#### ${name} (${t('reportMentions', count)})`, ''];
  if (!details) return [...out, t('reportDetailsMissing'), ''];
  const { topic } = details;
  out.push(topic.summary, '');
  for (const f of topic.facts) {
    out.push(`**${f.text}**`, '');
    for (const q of f.quotes) out.push(...quoteBlock(q, details), '');
  }
  for (const v of topic.viewpoints ?? []) {
    out.push(`**${v.holder}:** ${v.position}`, '');
    for (const q of v.quotes) out.push(...quoteBlock(q, details, v.holder), '');
  }
  return out;
}

export function pageReportMarkdown(report: PageReport, ctx: ReportContext): string {
  const out = [
    `# ${t('reportTitle', escapeMd(report.title.trim() || report.url))}`,
    '',
    report.url,
    '',
    t('reportGenerated', [ctx.madeAt, ctx.corpusVersion]),
    '',
  ];
  out.push(`## ${t('reportChecks', report.checks.length)}`, '');
  if (report.checks.length === 0) out.push(t('reportNoChecks'), '');
  report.checks.forEach((c, i) => out.push(...checkSection(c, i + 1, ctx)));
  out.push(`## ${t('reportTopics', report.found.length)}`, '');
  for (const category of ctx.categories) {
    const topics = report.found.filter((f) => f.category === category.id);
    if (topics.length === 0) continue;
    out.push(`### ${category.label}`, '');
    for (const f of topics) out.push(...topicSection(f.id, f.name, f.count, ctx));
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** The topics a report needs details of: those checked and those found. */
export function reportTopicIds(report: PageReport): string[] {
  return [...new Set([...report.checks.map((c) => c.topicId), ...report.found.map((f) => f.id)])];
}
