// @vitest-environment happy-dom
// The options page's display choice: how mentions are shown, saved with the other settings and
// followed live when another page changes them.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { DisplaySettings } from '../../src/ui/DisplaySettings';
import { fakeExtension } from '../support/extension-api';

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
    const fake = fakeExtension({ stored: { settings: { ...DEFAULT_SETTINGS, mentionMode: 'first' } } });
    await act(() => render(<DisplaySettings api={fake.api} />, container));
    await settle();
    expect(radio('highlights').checked).toBe(true);
    expect(container.textContent).toContain('Painted highlights');
    await act(() => radio('marks').click());
    await settle();
    expect(fake.settings()).toMatchObject({ paintMode: 'marks', mentionMode: 'first' });
    expect(radio('marks').checked).toBe(true);
  });

  it('follows a change made elsewhere', async () => {
    const fake = fakeExtension({ stored: { settings: DEFAULT_SETTINGS } });
    await act(() => render(<DisplaySettings api={fake.api} />, container));
    await settle();
    await act(() => fake.changeElsewhere({ settings: { ...DEFAULT_SETTINGS, paintMode: 'marks' } }));
    await settle();
    expect(radio('marks').checked).toBe(true);
  });
});
