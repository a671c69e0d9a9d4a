// The background answers a tooltip's details request from the bundled files, and for a topic of
// an installed pack from storage.local; and opens a quote in its source on the reader page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READER_INTERVAL_MS, startBackground } from '../../src/background/start';
import type { TopicDetails } from '../../src/core/corpus-types';
import { parseLocal, type LocalKey } from '../../src/core/local-data';
import type { Handlers } from '../../src/platform/extension-api';
import type { ExtensionApi } from '../../src/platform/extension-api';
import { readPack } from '../../src/core/packs';
import { withPack, withPackEnabled } from '../../src/core/packs-stored';
import { miniIndex } from '../core/mini-corpus';

const SAMPLE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'packs', 'sample-pack.json'), 'utf8');
const r = readPack(SAMPLE, { fileName: 'sample-pack.json', builtIn: miniIndex(), installed: [] });
if (!r.ok) throw new Error('the sample pack must be valid');

function start(stored: Record<string, unknown>, now: () => number = Date.now) {
  let handlers: Handlers = {};
  const opened: Array<{ path: string; opener: number | null }> = [];
  const bundled: Record<string, TopicDetails> = { 'details/shikotan.json': { topic: { id: 'shikotan' } } as TopicDetails };
  const api = {
    handle: (h: Handlers) => {
      handlers = h;
      return () => undefined;
    },
    onCommand: () => () => undefined,
    readBundled: async (path: string) => {
      if (!bundled[path]) throw new Error(`${path}: not found`);
      return bundled[path];
    },
    loadLocal: async (key: LocalKey) => parseLocal(key, stored[key]),
    onLocalChanged: () => () => undefined,
    setEarlyScript: async () => undefined,
    onInstalled: () => () => undefined,
    openPage: async (path: string, opener: number | null) => void opened.push({ path, opener }),
  } as unknown as ExtensionApi;
  startBackground(api, now);
  return { handlers: () => handlers, opened };
}

function background(stored: Record<string, unknown>) {
  const { handlers } = start(stored);
  return (topicId: string) => handlers()['details:get']!({ topicId }, { tabId: 1, frameId: 0 });
}

describe('details:get', () => {
  const { packs, packFiles } = withPack([], {}, r.pack, r.files);

  it('answers bundled topics from the bundle and pack topics from storage', async () => {
    const get = background({ packs, packFiles });
    expect((await get('shikotan'))?.topic.id).toBe('shikotan');
    const pack = await get('port-vessick');
    expect(pack?.topic.name).toBe('Port Vessick (fictional)');
    expect(pack?.corpusVersion).toBe(r.pack.version);
  });

  it('answers nothing for a switched-off pack, an unknown topic, a bad id or corrupt storage', async () => {
    expect(await background({ packs: withPackEnabled(packs, r.pack.id, false), packFiles })('port-vessick')).toBeNull();
    expect(await background({ packs, packFiles })('no-such-topic')).toBeNull();
    expect(await background({ packs, packFiles })('../manifest')).toBeNull();
    expect(await background({ packs: 'x', packFiles: 5 })('port-vessick')).toBeNull();
  });
});

describe('reader:open', () => {
  it('opens the reader page at the quote, beside the tab it was asked from', async () => {
    const { handlers, opened } = start({});
    const target = { topicId: 'shikotan', sourceId: 'rusi-brown-2022', quote: 'Shikotan & Habomai' };
    expect(await handlers()['reader:open']!(target, { tabId: 4, frameId: 0 })).toBe(true);
    expect(opened).toEqual([{ path: 'reader.html?topic=shikotan&source=rusi-brown-2022&quote=Shikotan+%26+Habomai', opener: 4 }]);
  });

  it('opens at most one reader page a second for a tab (a page clicking the button in a loop)', async () => {
    let t = 10_000;
    const { handlers, opened } = start({}, () => t);
    const target = { topicId: 'shikotan', sourceId: 'rusi-brown-2022', quote: 'Shikotan' };
    const open = () => handlers()['reader:open']!(target, { tabId: 4, frameId: 0 });
    expect([await open(), await open(), await open()]).toEqual([true, false, false]);
    expect(await handlers()['reader:open']!(target, { tabId: 5, frameId: 0 })).toBe(true);
    t += READER_INTERVAL_MS;
    expect(await open()).toBe(true);
    expect(opened).toHaveLength(3);
  });

  it('opens nothing for what a hostile page could send instead', async () => {
    const { handlers, opened } = start({});
    const open = handlers()['reader:open']!;
    for (const bad of [
      { topicId: '../x', sourceId: 's', quote: 'q' },
      { topicId: 'a', sourceId: 'https://evil.example', quote: 'q' },
      { topicId: 'a', sourceId: 's' },
      null,
    ]) {
      expect(await open(bad as never, { tabId: 4, frameId: 0 })).toBe(false);
    }
    expect(opened).toEqual([]);
  });
});
