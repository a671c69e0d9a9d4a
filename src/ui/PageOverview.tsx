// The popup's survey of the page: every topic found, grouped by category, each a button that
// takes the reader to its next mention; and the page report (ui/report.ts) for a journalist's notes.

import { useState } from 'preact/hooks';
import type { Category } from '../core/corpus-types';
import type { FoundTopic } from '../core/messages';
import { t } from './i18n';

export interface PageOverviewProps {
  found: FoundTopic[];
  categories: Category[];
  onReveal: (topicId: string) => void;
  /** Copies the page report; false when it could not be copied. */
  onCopyReport: () => Promise<boolean>;
}

const COPIED_SHOWN_MS = 1500;

export function PageOverview({ found, categories, onReveal, onCopyReport }: PageOverviewProps) {
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  if (found.length === 0) return null;
  const copy = async () => {
    setCopied((await onCopyReport().catch(() => false)) ? 'copied' : 'failed');
    setTimeout(() => setCopied(null), COPIED_SHOWN_MS);
  };
  return (
    <section class="overview" aria-labelledby="overview-heading">
      <div class="overview-head">
        <h2 id="overview-heading">{t('popupOverview')}</h2>
        <button type="button" class="link" data-export="" title={t('popupReportTitle')} onClick={() => void copy()}>
          {copied === 'copied' ? t('popupCopied') : copied === 'failed' ? t('popupReportFailed') : t('popupReport')}
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
