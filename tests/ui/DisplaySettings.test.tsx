// @vitest-environment happy-dom
// The options page's display choice: how mentions are shown, saved with the other settings and
// followed live when another page changes them.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { DisplaySettings, type SettingsApi } from '../../src/ui/DisplaySettings';

function fakeSettings(initial: Settings) {
  let stored = initial;
  const listeners = new Set<(s: Settings) => void>();
  const api: SettingsApi = {
    loadSettings: async () => stored,
    saveSettings: async (s) => {
      stored = s;
      for (const l of listeners) l(s);
    },
    onSettingsChanged: (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
  return { api, stored: () => stored, elsewhere: (s: Settings) => api.saveSettings(s) };
}

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 10))));
const radio = (mode: string) => container.querySelector<HTMLInputElement>(`input[data-paint-mode="${mode}"]`)!;

describe('Display settings', () => {
  it('shows painted highlights as the default and saves marks when chosen, keeping the other settings', async () => {
    const fake = fakeSettings({ ...DEFAULT_SETTINGS, mentionMode: 'first' });
    await act(() => render(<DisplaySettings api={fake.api} />, container));
    await settle();
    expect(radio('highlights').checked).toBe(true);
    expect(container.textContent).toContain('Painted highlights');
    await act(() => radio('marks').click());
    await settle();
    expect(fake.stored()).toMatchObject({ paintMode: 'marks', mentionMode: 'first' });
    expect(radio('marks').checked).toBe(true);
  });

  it('follows a change made elsewhere', async () => {
    const fake = fakeSettings(DEFAULT_SETTINGS);
    await act(() => render(<DisplaySettings api={fake.api} />, container));
    await settle();
    await act(() => fake.elsewhere({ ...DEFAULT_SETTINGS, paintMode: 'marks' }));
    await settle();
    expect(radio('marks').checked).toBe(true);
  });
});
