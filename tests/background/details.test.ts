// The background answers a tooltip's details request from the bundled files, and for a topic of
// an installed pack from storage.local; and opens a quote in its source on the reader page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READER_INTERVAL_MS, startBackground } from '../../src/background/start';
import type { MessageSender } from '../../src/platform/extension-api';
import { readPack } from '../../src/core/packs';
import { withPack, withPackEnabled } from '../../src/core/packs-stored';
import { miniIndex } from '../core/mini-corpus';
import { fakeExtension } from '../support/extension-api';

const SAMPLE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'packs', 'sample-pack.json'), 'utf8');
const r = readPack(SAMPLE, { fileName: 'sample-pack.json', builtIn: miniIndex(), installed: [] });
if (!r.ok) throw new Error('the sample pack must be valid');

/** The background over the shared fake extension, with Shikotan's details bundled. */
function start(stored: Record<string, unknown>, now: () => number = Date.now) {
  const fake = fakeExtension({ stored, bundled: { 'details/shikotan.json': { topic: { id: 'shikotan' } } } });
  startBackground(fake.api, now);
  return fake;
}

/** A message from the top frame of tab `tabId`. */
const fromTab = (tabId: number): MessageSender => ({ tabId, frameId: 0 });

function background(stored: Record<string, unknown>) {
  const fake = start(stored);
  return (topicId: string) => fake.deliver('details:get', { topicId }, fromTab(1));
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
    const { deliver, opened } = start({});
    const target = { topicId: 'shikotan', sourceId: 'rusi-brown-2022', quote: 'Shikotan & Habomai' };
    expect(await deliver('reader:open', target, fromTab(4))).toBe(true);
    expect(opened).toEqual([{ path: 'reader.html?topic=shikotan&source=rusi-brown-2022&quote=Shikotan+%26+Habomai', opener: 4 }]);
  });

  it('opens at most one reader page a second for a tab (a page clicking the button in a loop)', async () => {
    let t = 10_000;
    const { deliver, opened } = start({}, () => t);
    const target = { topicId: 'shikotan', sourceId: 'rusi-brown-2022', quote: 'Shikotan' };
    const open = () => deliver('reader:open', target, fromTab(4));
    expect([await open(), await open(), await open()]).toEqual([true, false, false]);
    expect(await deliver('reader:open', target, fromTab(5))).toBe(true);
    t += READER_INTERVAL_MS;
    expect(await open()).toBe(true);
    expect(opened).toHaveLength(3);
  });

  it('opens nothing for what a hostile page could send instead', async () => {
    const { deliver, opened } = start({});
    for (const bad of [
      { topicId: '../x', sourceId: 's', quote: 'q' },
      { topicId: 'a', sourceId: 'https://evil.example', quote: 'q' },
      { topicId: 'a', sourceId: 's' },
      null,
    ]) {
      expect(await deliver('reader:open', bad as never, fromTab(4))).toBe(false);
    }
    expect(opened).toEqual([]);
  });
});
