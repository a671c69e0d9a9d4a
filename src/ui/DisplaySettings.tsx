// The options page's "Display" section: how mentions are shown on pages. Painted highlights leave
// the page's DOM exactly as it is and cost least; <mark> elements suit reader views, printing and
// screen readers that announce marks. Applied live on open pages through storage.onChanged.

import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type PaintMode, type Settings } from '../core/settings';
import type { ExtensionApi } from '../platform/extension-api';
import { t } from './i18n';

export type SettingsApi = Pick<ExtensionApi, 'loadSettings' | 'saveSettings' | 'onSettingsChanged'>;

const MODES = [
  { mode: 'highlights', label: 'optionsPaintHighlights', hint: 'optionsPaintHighlightsHint' },
  { mode: 'marks', label: 'optionsPaintMarks', hint: 'optionsPaintMarksHint' },
] as const satisfies ReadonlyArray<{ mode: PaintMode; label: string; hint: string }>;

export function DisplaySettings({ api }: { api: SettingsApi }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    void api.loadSettings().then(
      (s) => live && setSettings(s),
      () => live && setSettings(DEFAULT_SETTINGS),
    );
    const stop = api.onSettingsChanged((s) => setSettings(s));
    return () => {
      live = false;
      stop();
    };
  }, [api]);

  async function choose(paintMode: PaintMode): Promise<void> {
    // Read again so a change made elsewhere meanwhile (the popup) is kept.
    const next = { ...(await api.loadSettings()), paintMode };
    setSettings(next);
    await api.saveSettings(next);
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
