// What the background does on its own: runs the content script in open tabs after an install or
// update, and keeps packs-flag.js registered exactly while an own pack is switched on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startBackground } from '../../src/background/start';
import { readPack } from '../../src/core/packs';
import { miniIndex } from '../core/mini-corpus';
import { fakeExtension } from '../support/extension-api';

const flush = () => new Promise((r) => setTimeout(r, 0));

function background(stored: Record<string, unknown>) {
  const fake = fakeExtension({ stored });
  // Slow, as the browser's registration is: a later change must wait for an earlier one.
  fake.api.setEarlyScript = async ({ id }, on) => {
    fake.log.push(`start ${on ? 'on' : 'off'}`);
    await new Promise((r) => setTimeout(r, 5));
    fake.log.push(`${id} ${on ? 'on' : 'off'}`);
  };
  startBackground(fake.api);
  return { calls: fake.log, install: fake.install, packsChanged: (packs: unknown) => fake.changeElsewhere({ packs }) };
}

// A real pack: the background reads the packs as storage gives them, through their parser.
const SAMPLE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'packs', 'sample-pack.json'), 'utf8');
const sample = readPack(SAMPLE, { fileName: 'sample-pack.json', builtIn: miniIndex(), installed: [] });
if (!sample.ok) throw new Error('the sample pack must be valid');
const pack = (enabled: boolean) => ({ ...sample.pack, enabled });

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
    // In order, each finished before the next began, ending registered; each time a pack is
    // switched on, the tabs already open get the flag too (not when the background merely starts).
    // (Waited for, not timed: on a busy machine the slow registrations take longer.)
    await vi.waitFor(() =>
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
      ]),
    );
  });
});
