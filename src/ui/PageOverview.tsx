// The popup's survey of the page: every topic found, grouped by category, each a button that
// takes the reader to its next mention; and the list as Markdown for a journalist's notes.

import { useState } from 'preact/hooks';
import type { Category } from '../core/corpus-types';
import type { FoundTopic } from '../core/messages';
import { t } from './i18n';

export function overviewMarkdown(found: FoundTopic[], categories: Category[], site: string | null): string {
  const lines = [`# ${t('overviewTitle', site ?? '')}`];
  for (const c of categories) {
    const topics = found.filter((f) => f.category === c.id);
    if (topics.length === 0) continue;
    lines.push('', `## ${c.label}`, '');
    for (const f of topics) lines.push(`- ${f.name} — ${t(f.count === 1 ? 'overviewMentionsOne' : 'overviewMentionsOther', f.count)}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface PageOverviewProps {
  found: FoundTopic[];
  categories: Category[];
  site: string | null;
  onReveal: (topicId: string) => void;
  onCopy: (markdown: string) => Promise<boolean>;
}

export function PageOverview({ found, categories, site, onReveal, onCopy }: PageOverviewProps) {
  const [copied, setCopied] = useState(false);
  if (found.length === 0) return null;
  const copy = async () => {
    if (await onCopy(overviewMarkdown(found, categories, site))) {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    }
  };
  return (
    <section class="overview" aria-labelledby="overview-heading">
      <div class="overview-head">
        <h2 id="overview-heading">{t('popupOverview')}</h2>
        <button type="button" class="link" data-export="" onClick={() => void copy()}>
          {copied ? t('popupCopied') : t('popupExport')}
        </button>
      </div>
      <p class="hint">{t('popupOverviewHint')}</p>
      {categories.map((c) => {
        const topics = found.filter((f) => f.category === c.id);
        if (topics.length === 0) return null;
        return (
          <div class="group" key={c.id}>
            <h3>
              <span class="dot" style={{ background: c.color }} aria-hidden="true" />
              {c.label}
            </h3>
            <ul>
              {topics.map((f) => (
                <li key={f.id}>
                  <button type="button" data-topic={f.id} title={t('popupRevealTitle', f.name)} onClick={() => onReveal(f.id)}>
                    <span class="name">{f.name}</span>
                    <span class="count">{f.count}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
