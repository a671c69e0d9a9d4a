// The options page's list of false matches the reader reported with "Wrong match": review them,
// remove one, or clear them all (each then shows again on its site).

import { FALSE_MATCHES_KEY, withoutFalseMatch, type FalseMatch } from '../core/false-matches';
import type { ExtensionApi } from '../platform/extension-api';
import { t } from './i18n';
import { useStored } from './useStored';

export interface FalseMatchesSectionProps {
  api: Pick<ExtensionApi, 'loadLocal' | 'saveLocal' | 'watch'>;
  /** Topic id → the name to show (built-in topics and installed packs'). */
  topicNames: ReadonlyMap<string, string>;
}

export function FalseMatchesSection({ api, topicNames }: FalseMatchesSectionProps) {
  const [stored, setStored] = useStored(api, FALSE_MATCHES_KEY);
  const falseMatches = stored ?? [];

  async function save(next: FalseMatch[]): Promise<void> {
    setStored(next);
    await api.saveLocal({ [FALSE_MATCHES_KEY]: next });
  }

  return (
    <section class="card" aria-labelledby="wrong-heading" data-section="false-matches">
      <div class="section-head">
        <h2 id="wrong-heading">{t('optionsWrongHeading')}</h2>
        {falseMatches.length > 0 && (
          <button type="button" class="link danger" data-action="clear" onClick={() => void save([])}>
            {t('optionsClearAll')}
          </button>
        )}
      </div>
      <p class="intro">{t('optionsWrongIntro')}</p>
      {falseMatches.length === 0 ? (
        <p class="empty">{t('optionsNoWrong')}</p>
      ) : (
        <table class="false-matches">
          <thead>
            <tr>
              <th scope="col">{t('optionsWrongSite')}</th>
              <th scope="col">{t('optionsWrongAlias')}</th>
              <th scope="col">{t('optionsWrongTopic')}</th>
              <th scope="col">
                <span class="sr-only">{t('optionsRemove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {falseMatches.map((m) => (
              <tr key={`${m.site} ${m.topicId} ${m.alias}`} data-false-match={m.topicId}>
                <td>{m.site}</td>
                <td>“{m.alias}”</td>
                <td>{topicNames.get(m.topicId) ?? m.topicId}</td>
                <td class="row-action">
                  <button type="button" class="link" data-action="remove-false-match" onClick={() => void save(withoutFalseMatch(falseMatches, m))}>
                    {t('optionsRemove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
