// `watch(key, cb, { signal })`, the one way every page, tab and the background follows
// storage.local: the first value, every later change, each through the key's parser (a corrupt
// value reads as the defaults), and nothing once the signal aborts. The same cases run against
// the tests' fake, browser-api.ts over a stubbed webextension-polyfill, and content-api.ts over a
// stubbed `browser` global.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LocalData, LocalKey } from '../../src/core/local-data';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { ExtensionApi } from '../../src/platform/extension-api';
import { fakeExtension } from '../support/extension-api';

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type OnChanged = (changes: Changes, area: string) => void;

/** browser.storage in memory: `get` answers after `delay` ms, every `set` is heard by every listener. */
function stubStorage() {
  const values = new Map<string, unknown>();
  const listeners = new Set<OnChanged>();
  const storage = {
    delay: 0,
    local: {
      get: async (key: string) => {
        await new Promise((r) => setTimeout(r, storage.delay));
        return values.has(key) ? { [key]: structuredClone(values.get(key)) } : {};
      },
      set: async (items: Record<string, unknown>) => {
        const changes: Changes = {};
        for (const [k, v] of Object.entries(items)) {
          changes[k] = { oldValue: values.get(k), newValue: structuredClone(v) };
          values.set(k, structuredClone(v));
        }
        for (const l of [...listeners]) l(changes, 'local');
      },
    },
    onChanged: { addListener: (f: OnChanged) => void listeners.add(f), removeListener: (f: OnChanged) => void listeners.delete(f) },
    listeners,
    /** A change in another area, which no watch of storage.local hears. */
    syncChange: (items: Record<string, unknown>) => {
      const changes: Changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }]));
      for (const l of [...listeners]) l(changes, 'sync');
    },
  };
  return storage;
}

const stub = vi.hoisted(() => ({ storage: null as ReturnType<typeof stubStorage> | null }));
vi.mock('webextension-polyfill', () => ({
  default: {
    get storage() {
      return stub.storage;
    },
  },
}));

interface Subject {
  api: Pick<ExtensionApi, 'watch' | 'saveLocal'>;
  /** Another context writes raw values (corrupt ones too). */
  write(values: Record<string, unknown>): Promise<void>;
  listeners(): number;
  /** Makes the first read answer late (where the implementation can). */
  slowReads?(): void;
}

const subjects: Record<string, () => Promise<Subject>> = {
  'the fake (extension pages)': async () => {
    const fake = fakeExtension();
    return { api: fake.api, write: async (v) => fake.changeElsewhere(v), listeners: fake.listeners };
  },
  'the fake (content script)': async () => {
    const fake = fakeExtension();
    return { api: fake.content, write: async (v) => fake.changeElsewhere(v), listeners: fake.listeners };
  },
  'browser-api.ts': async () => {
    const storage = (stub.storage = stubStorage());
    const { browserApi } = await import('../../src/platform/browser-api');
    return { api: browserApi, write: storage.local.set, listeners: () => storage.listeners.size, slowReads: () => (storage.delay = 30) };
  },
  'content-api.ts': async () => {
    const storage = stubStorage();
    vi.stubGlobal('browser', { runtime: { id: 'test', getURL: (p: string) => p }, storage });
    const { contentApi } = await import('../../src/platform/content-api');
    return { api: contentApi, write: storage.local.set, listeners: () => storage.listeners.size, slowReads: () => (storage.delay = 30) };
  },
};

afterEach(() => {
  vi.unstubAllGlobals();
  stub.storage = null;
});

const settle = (ms = 5) => new Promise((r) => setTimeout(r, ms));

function follow<K extends LocalKey>(subject: Subject, key: K) {
  const seen: LocalData[K][] = [];
  const controller = new AbortController();
  subject.api.watch(key, (v) => seen.push(v), { signal: controller.signal });
  return { seen, controller };
}

describe.each(Object.entries(subjects))('watch, in %s', (_, make) => {
  it('calls back with the stored value first, later than the call itself', async () => {
    const subject = await make();
    await subject.write({ settings: { ...DEFAULT_SETTINGS, mentionMode: 'first' } });
    const { seen } = follow(subject, 'settings');
    expect(seen).toEqual([]);
    await settle();
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, mentionMode: 'first' }]);
  });

  it('reads a missing key as its default', async () => {
    const subject = await make();
    const settings = follow(subject, 'settings');
    const packs = follow(subject, 'packs');
    await settle();
    expect(settings.seen).toEqual([DEFAULT_SETTINGS]);
    expect(packs.seen).toEqual([[]]);
  });

  it('follows every later change of its key, and only of its key', async () => {
    const subject = await make();
    const { seen } = follow(subject, 'settings');
    await settle();
    await subject.write({ falseMatches: [] });
    await subject.api.saveLocal({ settings: { ...DEFAULT_SETTINGS, enabled: false } });
    await subject.write({ settings: { ...DEFAULT_SETTINGS, paintMode: 'marks' } });
    await settle();
    expect(seen).toEqual([DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, enabled: false }, { ...DEFAULT_SETTINGS, paintMode: 'marks' }]);
  });

  it('reads corrupt values through the key’s parser: the defaults, or the fields that still validate', async () => {
    const subject = await make();
    await subject.write({ settings: 'garbage', packs: { not: 'a list' } });
    const settings = follow(subject, 'settings');
    const packs = follow(subject, 'packs');
    await settle();
    await subject.write({ settings: { enabled: 'yes', mentionMode: 'first', disabledSites: [42, 'Example.com'] } });
    await subject.write({ settings: null });
    await settle();
    expect(settings.seen).toEqual([
      DEFAULT_SETTINGS,
      { ...DEFAULT_SETTINGS, mentionMode: 'first', disabledSites: ['example.com'] },
      DEFAULT_SETTINGS,
    ]);
    expect(packs.seen).toEqual([[]]);
  });

  it('hears nothing after the signal aborts, and leaves no listener behind', async () => {
    const subject = await make();
    const before = subject.listeners();
    const { seen, controller } = follow(subject, 'settings');
    await settle();
    controller.abort();
    expect(subject.listeners()).toBe(before);
    await subject.write({ settings: { ...DEFAULT_SETTINGS, enabled: false } });
    await settle();
    expect(seen).toEqual([DEFAULT_SETTINGS]);
  });

  it('calls back not even once when the signal aborts before the first read answers, or was aborted already', async () => {
    const subject = await make();
    const early = follow(subject, 'settings');
    early.controller.abort();
    const aborted = new AbortController();
    aborted.abort();
    const seen: unknown[] = [];
    subject.api.watch('settings', (v) => seen.push(v), { signal: aborted.signal });
    await settle();
    expect(early.seen).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('keeps a change heard before a slow first read, not the older value that read returns', async (ctx) => {
    const subject = await make();
    if (!subject.slowReads) return ctx.skip();
    await subject.write({ settings: { ...DEFAULT_SETTINGS, enabled: false } });
    subject.slowReads();
    const { seen } = follow(subject, 'settings');
    await subject.write({ settings: DEFAULT_SETTINGS });
    await settle(60);
    expect(seen).toEqual([DEFAULT_SETTINGS]);
  });
});

describe('watch in a content script whose extension was reloaded', () => {
  it('calls nothing and throws nothing: unreadable is not missing (the defaults would switch a site the reader turned off back on)', async () => {
    const fake = fakeExtension({ stored: { settings: { ...DEFAULT_SETTINGS, enabled: false } } });
    fake.invalidate();
    const seen: unknown[] = [];
    fake.content.watch('settings', (v) => seen.push(v), { signal: new AbortController().signal });
    await settle();
    expect(seen).toEqual([]);
  });
});

describe('watch when storage can’t be read', () => {
  it('calls nothing until a change is heard (browser-api.ts over a failing storage.local.get)', async () => {
    const storage = (stub.storage = stubStorage());
    storage.local.get = () => Promise.reject(new Error('storage unavailable'));
    const { browserApi } = await import('../../src/platform/browser-api');
    const seen: unknown[] = [];
    browserApi.watch('settings', (v) => seen.push(v), { signal: new AbortController().signal });
    await settle();
    expect(seen).toEqual([]);
    await storage.local.set({ settings: { ...DEFAULT_SETTINGS, enabled: false } });
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, enabled: false }]);
  });
});

describe('watch of other storage areas', () => {
  it('ignores a change to the same key in storage.sync', async () => {
    const storage = (stub.storage = stubStorage());
    const { browserApi } = await import('../../src/platform/browser-api');
    const seen: unknown[] = [];
    browserApi.watch('settings', (v) => seen.push(v), { signal: new AbortController().signal });
    await settle();
    storage.syncChange({ settings: { ...DEFAULT_SETTINGS, enabled: false } });
    await settle();
    expect(seen).toEqual([DEFAULT_SETTINGS]);
  });
});
