// The toolbar popup: the master switch, "off on this site", and a switch per category with the
// number of mentions the current page has. Every change is saved at once; open tabs follow it
// through storage.onChanged.

import type { Category } from '../core/corpus-types';
import { isCategoryOn, SETTINGS_KEY, withCategory, withSite, type Settings } from '../core/settings';
import type { ExtensionApi } from '../platform/extension-api';
import { t, tWith, uiLanguage } from './i18n';
import { copyText } from './clipboard';
import { PageOverview } from './PageOverview';
import { type PageState, type PageStateApi, usePageState } from './page-state';
import { pageReportMarkdown, reportTopicIds } from './report';
import { Switch } from './Switch';
import { useStored } from './useStored';

export type PopupApi = PageStateApi & Pick<ExtensionApi, 'watch' | 'saveLocal'> & Partial<Pick<ExtensionApi, 'openOptions' | 'send'>>;

const conflictsLine = (n: number) => (n === 1 ? t('popupConflictsOne') : t('popupConflictsOther', n));

export interface PopupProps {
  api: PopupApi;
  categories: Category[];
  corpusVersion: string;
  topicCount: number;
}

/** The settings, read once and then followed as any page changes them (null until read); a change is saved at once. */
function useSettings(api: PopupApi): [Settings | null, (next: Settings) => void] {
  const [settings, show] = useStored(api, SETTINGS_KEY);
  const save = (next: Settings) => {
    show(next);
    void api.saveLocal({ [SETTINGS_KEY]: next });
  };
  return [settings, save];
}

interface PageSectionProps {
  page: PageState;
  settings: Settings;
  save: (next: Settings) => void;
}

/** The page's line: how many topics it names (or why none are shown), "on this site", conflicts, skipped parts, mentions past the limit. */
function PageSection({ page, settings, save }: PageSectionProps) {
  const status = page.kind === 'ready' ? page.status : null;
  const site = status?.site ?? null;
  const siteOn = site === null || !settings.disabledSites.includes(site);
  const showing = settings.enabled && siteOn;
  return (
    <section class="page" aria-live="polite">
      {page.kind === 'loading' && <p class="note">{t('popupReading')}</p>}
      {page.kind === 'unavailable' && <p class="note">{t('popupUnavailable')}</p>}
      {status && (
        <>
          <p class="total">
            {!settings.enabled
              ? t('popupOffEverywhere')
              : !siteOn
                ? t('popupOffOnSite')
                : status.counts.total === 0
                  ? t('popupNoTopics')
                  : pageTotal(status.counts.total, Object.keys(status.counts.byTopic).length)}
          </p>
          {site && (
            <Switch checked={siteOn} disabled={!settings.enabled} onChange={(on) => save(withSite(settings, site, on))} attrs={{ 'data-site': site }}>
              {tWith('popupOnSite', <strong>{site}</strong>)}
            </Switch>
          )}
          {showing && status.counts.conflicts > 0 && <p class="conflicts">{conflictsLine(status.counts.conflicts)}</p>}
          {showing && status.skipped > 0 && (
            <p class="skipped" data-part="skipped">
              {status.skipped === 1 ? t('popupSkippedOne') : t('popupSkippedOther', status.skipped)}
            </p>
          )}
          {showing && status.unshown > 0 && (
            <p class="skipped" data-part="unshown">
              {status.unshown === 1 ? t('popupUnshownOne') : t('popupUnshownOther', status.unshown)}
            </p>
          )}
        </>
      )}
    </section>
  );
}

interface CategoriesSectionProps {
  categories: Category[];
  settings: Settings;
  save: (next: Settings) => void;
  /** The page's counts by category, where they are shown. */
  counts: Record<string, number> | null;
}

/** A switch per category, with its number of mentions on the page. */
function CategoriesSection({ categories, settings, save, counts }: CategoriesSectionProps) {
  return (
    <section class="categories">
      <h2>{t('popupCategories')}</h2>
      {categories.map((c) => {
        const n = counts?.[c.id] ?? 0;
        return (
          <Switch
            key={c.id}
            checked={isCategoryOn(settings, c.id)}
            disabled={!settings.enabled}
            onChange={(on) => save(withCategory(settings, c.id, on))}
            attrs={{ 'data-category': c.id }}
          >
            <span class="dot" style={{ background: c.color }} aria-hidden="true" />
            <span class="cat-name">{c.label}</span>
            {counts && (
              <>
                <span class="count" aria-hidden="true">
                  {n}
                </span>
                <span class="sr-only">{t('popupCountOnPage', n)}</span>
              </>
            )}
          </Switch>
        );
      })}
    </section>
  );
}

export function Popup({ api, categories, corpusVersion, topicCount }: PopupProps) {
  const [settings, save] = useSettings(api);
  const page = usePageState(api);
  if (!settings) return <main class="popup" lang={uiLanguage()} aria-busy="true" />;

  const status = page.kind === 'ready' ? page.status : null;
  const site = status?.site ?? null;
  const showing = settings.enabled && (site === null || !settings.disabledSites.includes(site));

  return (
    <main class="popup" lang={uiLanguage()}>
      <header>
        <div>
          <h1>Backstory</h1>
          <p class="tagline">{t('popupTagline')}</p>
        </div>
        <Switch checked={settings.enabled} onChange={(on) => save({ ...settings, enabled: on })} attrs={{ 'data-master': '' }}>
          <span class="sr-only">{t('popupMasterSwitch')}</span>
        </Switch>
      </header>
      <PageSection page={page} settings={settings} save={save} />
      <CategoriesSection categories={categories} settings={settings} save={save} counts={showing && status ? status.counts.byCategory : null} />
      <section class="options">
        <Switch
          checked={settings.mentionMode === 'first'}
          disabled={!settings.enabled}
          onChange={(on) => save({ ...settings, mentionMode: on ? 'first' : 'all' })}
          attrs={{ 'data-setting': 'first-mention' }}
        >
          {t('popupFirstOnly')}
        </Switch>
      </section>
      {showing && status && (
        <PageOverview
          found={status.found}
          categories={categories}
          onReveal={(topicId) => void revealIn(api, topicId)}
          onCopyReport={() => copyReport(api, categories, corpusVersion)}
        />
      )}
      <footer>
        {api.openOptions && (
          <button type="button" class="link options-link" onClick={() => void api.openOptions?.()}>
            {t('popupOpenOptions')}
          </button>
        )}
        {t('popupFooter', [topicCount, corpusVersion])}
      </footer>
    </main>
  );
}

async function revealIn(api: PopupApi, topicId: string): Promise<void> {
  const tabId = await api.activeTabId();
  if (tabId !== null) await api.sendToTab(tabId, 'page:reveal', { topicId }).catch(() => false);
}

/** Asks the page what it checked and found, adds the sources' quotes and citations, copies it as Markdown. */
async function copyReport(api: PopupApi, categories: Category[], corpusVersion: string): Promise<boolean> {
  const tabId = await api.activeTabId();
  if (tabId === null) return false;
  const report = await api.sendToTab(tabId, 'page:report', {});
  const ids = reportTopicIds(report);
  const loaded = await Promise.all(ids.map((id) => api.send?.('details:get', { topicId: id }).catch(() => null) ?? Promise.resolve(null)));
  const details = new Map(ids.map((id, i) => [id, loaded[i] ?? null]));
  const madeAt = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date());
  const markdown = pageReportMarkdown(report, { details, categories, madeAt, corpusVersion, lang: uiLanguage() });
  return copyText(markdown, document.body);
}

/** "5 mentions of 2 topics on this page", singular or plural as the numbers need. */
function pageTotal(mentions: number, topics: number): string {
  return t('popupTotal', [
    t(mentions === 1 ? 'popupMentionsOne' : 'popupMentionsOther', mentions),
    t(topics === 1 ? 'popupTopicsOne' : 'popupTopicsOther', topics),
  ]);
}
