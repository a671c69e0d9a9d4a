// The options page's "Display" section: how mentions are shown on pages. Painted highlights leave
// the page's DOM exactly as it is and cost least; <mark> elements suit reader views, printing and
// screen readers that announce marks. Applied live on open pages through storage.onChanged.

import { type PaintMode, SETTINGS_KEY } from '../core/settings';
import type { ExtensionApi } from '../platform/extension-api';
import { t } from './i18n';
import { useStored } from './useStored';

export type SettingsApi = Pick<ExtensionApi, 'watch' | 'loadLocal' | 'saveLocal'>;

const MODES = [
  { mode: 'highlights', label: 'optionsPaintHighlights', hint: 'optionsPaintHighlightsHint' },
  { mode: 'marks', label: 'optionsPaintMarks', hint: 'optionsPaintMarksHint' },
] as const satisfies ReadonlyArray<{ mode: PaintMode; label: string; hint: string }>;

export function DisplaySettings({ api }: { api: SettingsApi }) {
  const [settings, setSettings] = useStored(api, SETTINGS_KEY);

  async function choose(paintMode: PaintMode): Promise<void> {
    // Read again so a change made elsewhere meanwhile (the popup) is kept.
    const next = { ...(await api.loadLocal(SETTINGS_KEY)), paintMode };
    setSettings(next);
    await api.saveLocal({ [SETTINGS_KEY]: next });
  }

  return (
    <section class="card" aria-labelledby="display-heading" data-section="display">
      <h2 id="display-heading">{t('optionsDisplayHeading')}</h2>
      <fieldset class="choices" disabled={settings === null}>
        <legend class="intro">{t('optionsPaintLegend')}</legend>
        {MODES.map(({ mode, label, hint }) => (
          <label key={mode} class="choice">
            <input
              type="radio"
              name="paint-mode"
              value={mode}
              data-paint-mode={mode}
              checked={settings?.paintMode === mode}
              onChange={() => void choose(mode)}
            />
            <span>
              <strong>{t(label)}</strong>
              <span class="hint">{t(hint)}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
