// The options page's own corpus packs: import, switch on and off, export, update, remove. A pack
// with any error is rejected whole and every error is listed; nothing stored changes.

import type { Ref } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { formatCorpusError } from '../core/corpus-validate';
import { PACK_FILES_KEY, PACKS_KEY, readPack, type BuiltInCorpus, type InstalledPack } from '../core/packs';
import { exportFileName, topicCount, withoutPack, withPack, withPackEnabled } from '../core/packs-stored';
import type { ExtensionApi } from '../platform/extension-api';
import { t, uiLanguage } from './i18n';
import { Switch } from './Switch';

export type PacksApi = Pick<ExtensionApi, 'loadLocal' | 'saveLocal'>;

export interface PacksSectionProps {
  api: PacksApi;
  builtIn: BuiltInCorpus;
  /** The installed packs (null until read), and what to show after this page changed them. */
  packs: InstalledPack[] | null;
  onPacks: (packs: InstalledPack[]) => void;
  download: (fileName: string, text: string) => void;
  now: () => Date;
}

type Outcome =
  | { kind: 'accepted'; name: string; topics: number; updated: boolean }
  | { kind: 'rejected'; fileName: string; errors: string[] }
  | { kind: 'failed'; message: string };

const topicsLabel = (n: number) => t(n === 1 ? 'optionsTopicsOne' : 'optionsTopicsOther', n);

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleDateString(uiLanguage(), { year: 'numeric', month: 'short', day: 'numeric' });
}

/** Reads a chosen file as a pack (new, or an update of `update`) and stores it; what happened, for the reader. */
async function importPack(
  file: File,
  update: string | null,
  { api, builtIn, now }: PacksSectionProps,
): Promise<{ outcome: Outcome; packs?: InstalledPack[] }> {
  try {
    const text = await file.text();
    // Checked against what is stored now, not what this page showed a moment ago.
    const [installed, files] = await Promise.all([api.loadLocal(PACKS_KEY), api.loadLocal(PACK_FILES_KEY)]);
    const result = readPack(text, { fileName: file.name, builtIn, installed, update: update ?? undefined, now: now() });
    if (!result.ok) return { outcome: { kind: 'rejected', fileName: file.name, errors: result.errors.map(formatCorpusError) } };
    const next = withPack(installed, files, result.pack, result.files);
    await api.saveLocal(next);
    return { outcome: { kind: 'accepted', name: result.pack.name, topics: topicCount(result.pack), updated: update !== null }, packs: next.packs };
  } catch (e) {
    return { outcome: { kind: 'failed', message: e instanceof Error ? e.message : String(e) } };
  }
}

function OutcomeNote({ outcome }: { outcome: Outcome }) {
  return (
    <div class={`outcome ${outcome.kind}`} role={outcome.kind === 'accepted' ? 'status' : 'alert'} data-outcome={outcome.kind}>
      {outcome.kind === 'accepted' && <p>{t(outcome.updated ? 'optionsUpdated' : 'optionsAccepted', [outcome.name, topicsLabel(outcome.topics)])}</p>}
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
  );
}

interface PackItemProps {
  pack: InstalledPack;
  busy: boolean;
  onEnabled: (on: boolean) => void;
  onExport: () => void;
  onUpdate: () => void;
  onRemove: () => void;
}

function PackItem({ pack, busy, onEnabled, onExport, onUpdate, onRemove }: PackItemProps) {
  return (
    <li class="pack" data-pack={pack.id}>
      <Switch checked={pack.enabled} onChange={onEnabled} attrs={{ 'data-pack-enabled': pack.id }}>
        <span class="pack-name">{pack.name}</span>
        <span class="count">{topicsLabel(topicCount(pack))}</span>
      </Switch>
      {pack.description && <p class="description">{pack.description}</p>}
      <div class="pack-foot">
        <span class="meta">{t('optionsPackMeta', [formatDate(pack.importedAt), pack.version])}</span>
        <span class="actions">
          <button type="button" class="link" data-action="export" onClick={onExport}>
            {t('optionsExport')}
          </button>
          <button type="button" class="link" data-action="update" disabled={busy} onClick={onUpdate}>
            {t('optionsUpdate')}
          </button>
          <button type="button" class="link danger" data-action="remove" onClick={onRemove}>
            {t('optionsRemove')}
          </button>
        </span>
      </div>
    </li>
  );
}

interface ImportButtonProps {
  busy: boolean;
  input: Ref<HTMLInputElement>;
  onImport: () => void;
  onFile: (e: Event) => void;
}

/** "Import…": a button for the hidden file input (Update… uses the same input for its pack). */
function ImportButton({ busy, input, onImport, onFile }: ImportButtonProps) {
  return (
    <>
      <button type="button" class="primary" data-action="import" disabled={busy} onClick={onImport}>
        {t('optionsImport')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        class="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-import=""
        onChange={onFile}
      />
    </>
  );
}

export function PacksSection(props: PacksSectionProps) {
  const { api, packs, onPacks, download } = props;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  /** The pack an "Update…" click chose the next file for; null for a new import. */
  const updating = useRef<string | null>(null);

  const choose = (update: string | null) => {
    updating.current = update;
    fileInput.current?.click();
  };

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    const update = updating.current;
    updating.current = null;
    input.value = ''; // the same file may be chosen again after fixing it
    if (!file) return;
    setBusy(true);
    const done = await importPack(file, update, props);
    if (done.packs) onPacks(done.packs);
    setOutcome(done.outcome);
    setBusy(false);
  };

  async function setEnabled(id: string, enabled: boolean): Promise<void> {
    const next = withPackEnabled(await api.loadLocal(PACKS_KEY), id, enabled);
    onPacks(next);
    await api.saveLocal({ [PACKS_KEY]: next });
  }

  async function remove(id: string): Promise<void> {
    const [installed, files] = await Promise.all([api.loadLocal(PACKS_KEY), api.loadLocal(PACK_FILES_KEY)]);
    const next = withoutPack(installed, files, id);
    onPacks(next.packs);
    setOutcome(null);
    await api.saveLocal(next);
  }

  async function exportPack(pack: InstalledPack): Promise<void> {
    const raw = (await api.loadLocal(PACK_FILES_KEY))[pack.id]?.raw;
    if (raw === undefined) setOutcome({ kind: 'failed', message: t('optionsExportMissing', pack.name) });
    else download(exportFileName(pack), raw);
  }

  return (
    <section class="card" aria-labelledby="packs-heading" data-section="packs">
      <div class="section-head">
        <h2 id="packs-heading">{t('optionsPacksHeading')}</h2>
        <ImportButton busy={busy} input={fileInput} onImport={() => choose(null)} onFile={(e) => void onFile(e)} />
      </div>
      <p class="intro">{t('optionsPacksIntro')}</p>
      {outcome && <OutcomeNote outcome={outcome} />}
      {packs !== null && packs.length === 0 && <p class="empty">{t('optionsNoPacks')}</p>}
      {packs !== null && packs.length > 0 && (
        <ul class="packs">
          {packs.map((p) => (
            <PackItem
              key={p.id}
              pack={p}
              busy={busy}
              onEnabled={(on) => void setEnabled(p.id, on)}
              onExport={() => void exportPack(p)}
              onUpdate={() => choose(p.id)}
              onRemove={() => void remove(p.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
