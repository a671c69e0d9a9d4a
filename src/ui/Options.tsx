// The options page: the reader's own corpus packs (import, switch on and off, export, update,
// remove) and the false matches they reported with "Wrong match" (review, remove, clear). A pack
// with any error is rejected whole and every error is listed; nothing stored changes.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { CorpusError } from '../core/corpus-validate';
import { formatCorpusError } from '../core/corpus-validate';
import { FALSE_MATCHES_KEY, withoutFalseMatch, type FalseMatch } from '../core/false-matches';
import { PACK_FILES_KEY, PACKS_KEY, readPack, type BuiltInCorpus, type InstalledPack } from '../core/packs';
import { exportFileName, topicCount, withoutPack, withPack, withPackEnabled } from '../core/packs-stored';
import type { ExtensionApi } from '../platform/extension-api';
import { DisplaySettings, type SettingsApi } from './DisplaySettings';
import { t, uiLanguage } from './i18n';
import { Switch } from './Switch';

export type OptionsApi = Pick<ExtensionApi, 'loadLocal' | 'saveLocal' | 'onLocalChanged'>;

export interface OptionsProps {
  api: OptionsApi;
  builtIn: BuiltInCorpus;
  /** With it, the page also offers the display settings (how mentions are shown). */
  settingsApi?: SettingsApi;
  /** Offers text to the reader as a file (export). */
  download?: (fileName: string, text: string) => void;
  now?: () => Date;
}

type Outcome =
  | { kind: 'accepted'; name: string; topics: number; updated: boolean }
  | { kind: 'rejected'; fileName: string; errors: string[] }
  | { kind: 'failed'; message: string };

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

const topicsLabel = (n: number) => t(n === 1 ? 'optionsTopicsOne' : 'optionsTopicsOther', n);

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleDateString(uiLanguage(), { year: 'numeric', month: 'short', day: 'numeric' });
}

export function Options({ api, builtIn, settingsApi, download = downloadText, now = () => new Date() }: OptionsProps) {
  const [packs, setPacks] = useState<InstalledPack[] | null>(null);
  const [falseMatches, setFalseMatches] = useState<FalseMatch[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  /** The pack an "Update…" click chose the next file for; null for a new import. */
  const updating = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.loadLocal(PACKS_KEY).then((p) => live && setPacks(p));
    void api.loadLocal(FALSE_MATCHES_KEY).then((f) => live && setFalseMatches(f));
    const stops = [
      api.onLocalChanged(PACKS_KEY, (p) => live && setPacks(p)),
      api.onLocalChanged(FALSE_MATCHES_KEY, (f) => live && setFalseMatches(f)),
    ];
    return () => {
      live = false;
      for (const stop of stops) stop();
    };
  }, [api]);

  const choose = (update: string | null) => {
    updating.current = update;
    fileInput.current?.click();
  };

  async function importFile(file: File, update: string | null): Promise<void> {
    setBusy(true);
    try {
      const text = await file.text();
      // Checked against what is stored now, not what this page showed a moment ago.
      const [installed, files] = await Promise.all([api.loadLocal(PACKS_KEY), api.loadLocal(PACK_FILES_KEY)]);
      const result = readPack(text, { fileName: file.name, builtIn, installed, update: update ?? undefined, now: now() });
      if (!result.ok) {
        setOutcome({ kind: 'rejected', fileName: file.name, errors: result.errors.map((e: CorpusError) => formatCorpusError(e)) });
        return;
      }
      const next = withPack(installed, files, result.pack, result.files);
      await api.saveLocal(next);
      setPacks(next.packs);
      setOutcome({ kind: 'accepted', name: result.pack.name, topics: topicCount(result.pack), updated: update !== null });
    } catch (e) {
      setOutcome({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  const onFile = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    const update = updating.current;
    updating.current = null;
    input.value = ''; // the same file may be chosen again after fixing it
    if (file) void importFile(file, update);
  };

  async function setEnabled(id: string, enabled: boolean): Promise<void> {
    const next = withPackEnabled(await api.loadLocal(PACKS_KEY), id, enabled);
    setPacks(next);
    await api.saveLocal({ [PACKS_KEY]: next });
  }

  async function remove(id: string): Promise<void> {
    const [installed, files] = await Promise.all([api.loadLocal(PACKS_KEY), api.loadLocal(PACK_FILES_KEY)]);
    const next = withoutPack(installed, files, id);
    setPacks(next.packs);
    setOutcome(null);
    await api.saveLocal(next);
  }

  async function exportPack(pack: InstalledPack): Promise<void> {
    const files = await api.loadLocal(PACK_FILES_KEY);
    const raw = files[pack.id]?.raw;
    if (raw === undefined) setOutcome({ kind: 'failed', message: t('optionsExportMissing', pack.name) });
    else download(exportFileName(pack), raw);
  }

  async function saveFalseMatches(next: FalseMatch[]): Promise<void> {
    setFalseMatches(next);
    await api.saveLocal({ [FALSE_MATCHES_KEY]: next });
  }

  const topicNames = new Map<string, string>();
  for (const h of builtIn.topics) topicNames.set(h.id, h.name);
  for (const p of packs ?? []) for (const h of p.index.topics) if (!topicNames.has(h.id)) topicNames.set(h.id, h.name);

  return (
    <main class="options-page" lang={uiLanguage()} aria-busy={packs === null}>
      <header>
        <h1>Backstory</h1>
        <p class="tagline">{t('optionsTagline')}</p>
      </header>

      {settingsApi && <DisplaySettings api={settingsApi} />}

      <section class="card" aria-labelledby="packs-heading" data-section="packs">
        <div class="section-head">
          <h2 id="packs-heading">{t('optionsPacksHeading')}</h2>
          <button type="button" class="primary" data-action="import" disabled={busy} onClick={() => choose(null)}>
            {t('optionsImport')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            class="sr-only"
            tabIndex={-1}
            aria-hidden="true"
            data-import=""
            onChange={onFile}
          />
        </div>
        <p class="intro">{t('optionsPacksIntro')}</p>

        {outcome && (
          <div class={`outcome ${outcome.kind}`} role={outcome.kind === 'accepted' ? 'status' : 'alert'} data-outcome={outcome.kind}>
            {outcome.kind === 'accepted' && (
              <p>{t(outcome.updated ? 'optionsUpdated' : 'optionsAccepted', [outcome.name, topicsLabel(outcome.topics)])}</p>
            )}
            {outcome.kind === 'rejected' && (
              <>
                <p>
                  <strong>{t('optionsRejected', outcome.fileName)}</strong> {t('optionsNothingChanged')}
                </p>
                <ul class="errors">
                  {outcome.errors.map((e, i) => (
                    <li key={i} data-error="">
                      {e}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {outcome.kind === 'failed' && <p>{t('optionsSaveFailed', outcome.message)}</p>}
          </div>
        )}

        {packs !== null && packs.length === 0 && <p class="empty">{t('optionsNoPacks')}</p>}
        {packs !== null && packs.length > 0 && (
          <ul class="packs">
            {packs.map((p) => (
              <li key={p.id} class="pack" data-pack={p.id}>
                <Switch checked={p.enabled} onChange={(on) => void setEnabled(p.id, on)} attrs={{ 'data-pack-enabled': p.id }}>
                  <span class="pack-name">{p.name}</span>
                  <span class="count">{topicsLabel(topicCount(p))}</span>
                </Switch>
                {p.description && <p class="description">{p.description}</p>}
                <div class="pack-foot">
                  <span class="meta">{t('optionsPackMeta', [formatDate(p.importedAt), p.version])}</span>
                  <span class="actions">
                    <button type="button" class="link" data-action="export" onClick={() => void exportPack(p)}>
                      {t('optionsExport')}
                    </button>
                    <button type="button" class="link" data-action="update" disabled={busy} onClick={() => choose(p.id)}>
                      {t('optionsUpdate')}
                    </button>
                    <button type="button" class="link danger" data-action="remove" onClick={() => void remove(p.id)}>
                      {t('optionsRemove')}
                    </button>
                  </span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="card" aria-labelledby="wrong-heading" data-section="false-matches">
        <div class="section-head">
          <h2 id="wrong-heading">{t('optionsWrongHeading')}</h2>
          {falseMatches.length > 0 && (
            <button type="button" class="link danger" data-action="clear" onClick={() => void saveFalseMatches([])}>
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
                    <button
                      type="button"
                      class="link"
                      data-action="remove-false-match"
                      onClick={() => void saveFalseMatches(withoutFalseMatch(falseMatches, m))}
                    >
                      {t('optionsRemove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <footer>{t('optionsFooter')}</footer>
    </main>
  );
}
