// What the background does on its own: runs the content script in open tabs after an install or
// update, and keeps packs-flag.js registered exactly while an own pack is switched on.
import { describe, expect, it } from 'vitest';
import { startBackground } from '../../src/background/start';
import { parseLocal, type LocalKey } from '../../src/core/local-data';
import type { ExtensionApi } from '../../src/platform/extension-api';

const flush = () => new Promise((r) => setTimeout(r, 0));

function background(stored: Record<string, unknown>) {
  const calls: string[] = [];
  let installed: () => void = () => undefined;
  const packListeners: Array<(v: unknown) => void> = [];
  const api = {
    handle: () => () => undefined,
    onCommand: () => () => undefined,
    loadLocal: async (key: LocalKey) => parseLocal(key, stored[key]),
    onLocalChanged: (key: LocalKey, l: (v: unknown) => void) => {
      if (key === 'packs') packListeners.push(l);
      return () => undefined;
    },
    // Slow, as the browser's registration is: a later change must wait for an earlier one.
    setEarlyScript: async (s: { id: string }, on: boolean) => {
      calls.push(`start ${on ? 'on' : 'off'}`);
      await new Promise((r) => setTimeout(r, 5));
      calls.push(`${s.id} ${on ? 'on' : 'off'}`);
    },
    onInstalled: (l: () => void) => {
      installed = l;
      return () => undefined;
    },
    injectIntoOpenTabs: async () => void calls.push('inject'),
    runInOpenTabs: async (file: string) => void calls.push(`run ${file}`),
  } as unknown as ExtensionApi;
  startBackground(api);
  return { calls, install: () => installed(), packsChanged: (packs: unknown) => packListeners.forEach((l) => l(packs)) };
}

const pack = (enabled: boolean) => ({ id: 'p', name: 'P', description: null, version: 'p@1', enabled });

describe('the background', () => {
  it('runs the content script in the open tabs once installed or updated, and not on every start', async () => {
    const b = background({});
    await flush();
    expect(b.calls.filter((c) => c === 'inject')).toEqual([]);
    b.install();
    await flush();
    expect(b.calls.filter((c) => c === 'inject')).toEqual(['inject']);
  });

  it('registers packs-flag.js while a pack is on, and removes it when none is', async () => {
    const b = background({});
    await new Promise((r) => setTimeout(r, 20));
    b.packsChanged([pack(true)]);
    b.packsChanged([pack(false)]);
    b.packsChanged([pack(true)]);
    await new Promise((r) => setTimeout(r, 40));
    // In order, each finished before the next began, ending registered; each time a pack is
    // switched on, the tabs already open get the flag too (not when the background merely starts).
    expect(b.calls).toEqual([
      'start off',
      'backstory-packs off',
      'start on',
      'backstory-packs on',
      'run packs-flag.js',
      'start off',
      'backstory-packs off',
      'start on',
      'backstory-packs on',
      'run packs-flag.js',
    ]);
  });
});
