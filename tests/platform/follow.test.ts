// @vitest-environment happy-dom
// A page lets open popups follow it (content-api.ts acceptFollowers, over a stubbed `browser`
// global): told each time its counts change, and let go when the page stops, even when the
// extension was reloaded under it and its event objects throw.
import { afterEach, expect, it, vi } from 'vitest';
import { COUNTS_CHANGED, FOLLOW_PORT } from '../../src/core/messages';
import { contentApi } from '../../src/platform/content-api';

type Listener = (...args: never[]) => void;

function event(context: { dead: boolean }) {
  const listeners = new Set<Listener>();
  return {
    listeners,
    addListener: (f: Listener) => void listeners.add(f),
    removeListener: (f: Listener) => {
      if (context.dead) throw new Error('Extension context invalidated.');
      listeners.delete(f);
    },
  };
}

function stubBrowser() {
  const context = { dead: false };
  const onConnect = event(context);
  vi.stubGlobal('browser', { runtime: { id: 'test', getURL: (p: string) => p, onConnect, onMessage: event(context) } });
  const port = (name: string) => {
    const posted: unknown[] = [];
    const onDisconnect = event(context);
    const p = {
      name,
      posted,
      disconnected: false,
      postMessage: (m: unknown) => void posted.push(m),
      disconnect: () => void (p.disconnected = true),
      onDisconnect,
    };
    for (const l of onConnect.listeners) (l as (port: typeof p) => void)(p);
    return p;
  };
  return { context, onConnect, port };
}

afterEach(() => vi.unstubAllGlobals());

it('tells the popups following the page, not other ports, and lets them go when the page stops', () => {
  const b = stubBrowser();
  const page = new AbortController();
  const tell = contentApi.acceptFollowers(page.signal);
  const popup = b.port(FOLLOW_PORT);
  const other = b.port('someone-else');
  tell();
  expect(popup.posted).toEqual([{ type: COUNTS_CHANGED }]);
  expect(other.posted).toEqual([]);
  page.abort();
  expect(popup.disconnected).toBe(true);
  expect(b.onConnect.listeners.size).toBe(0);
});

it('stops without throwing when the extension was reloaded under the page', () => {
  const b = stubBrowser();
  const page = new AbortController();
  contentApi.acceptFollowers(page.signal);
  const popup = b.port(FOLLOW_PORT);
  b.context.dead = true;
  expect(() => page.abort()).not.toThrow();
  expect(popup.disconnected).toBe(true);
});
