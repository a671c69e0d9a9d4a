// The options page: the display settings, the reader's own corpus packs (PacksSection) and the
// false matches they reported with "Wrong match" (FalseMatchesSection).

import type { BuiltInCorpus } from '../core/packs';
import { PACKS_KEY } from '../core/packs';
import type { ExtensionApi } from '../platform/extension-api';
import { DisplaySettings } from './DisplaySettings';
import { FalseMatchesSection } from './FalseMatchesSection';
import { t, uiLanguage } from './i18n';
import { PacksSection } from './PacksSection';
import { useStored } from './useStored';

export type OptionsApi = Pick<ExtensionApi, 'loadLocal' | 'saveLocal' | 'watch'>;

export interface OptionsProps {
  api: OptionsApi;
  builtIn: BuiltInCorpus;
  /** Offers text to the reader as a file (export). */
  download?: (fileName: string, text: string) => void;
  now?: () => Date;
}

/** A download through a temporary object URL, as any page would offer a generated file. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function Options({ api, builtIn, download = downloadText, now = () => new Date() }: OptionsProps) {
  const [packs, setPacks] = useStored(api, PACKS_KEY);
  const topicNames = new Map<string, string>();
  for (const h of builtIn.topics) topicNames.set(h.id, h.name);
  for (const p of packs ?? []) for (const h of p.index.topics) if (!topicNames.has(h.id)) topicNames.set(h.id, h.name);

  return (
    <main class="options-page" lang={uiLanguage()} aria-busy={packs === null}>
      <header>
        <h1>Backstory</h1>
        <p class="tagline">{t('optionsTagline')}</p>
      </header>
      <DisplaySettings api={api} />
      <PacksSection api={api} builtIn={builtIn} packs={packs} onPacks={setPacks} download={download} now={now} />
      <FalseMatchesSection api={api} topicNames={topicNames} />
      <footer>{t('optionsFooter')}</footer>
    </main>
  );
}
