import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/core/matcher';
// @ts-expect-error: plain ESM build script
import { compileCorpus, GECKO_ID, manifestFor } from '../../build.mjs';

const DATA = join(import.meta.dirname, '..', '..', 'data');
let dir: string | null = null;

function brokenCopy(edit: (topics: Array<Record<string, unknown>>) => void, file = 'agreements.json'): string {
  dir = mkdtempSync(join(tmpdir(), 'backstory-data-'));
  cpSync(DATA, dir, { recursive: true });
  const path = join(dir, 'topics', file);
  const topics = JSON.parse(readFileSync(path, 'utf8'));
  edit(topics);
  writeFileSync(path, JSON.stringify(topics));
  return dir;
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('build', () => {
  it('compiles the bundled corpus', async () => {
    const { corpus, index, details } = await compileCorpus();
    expect(corpus.topics.length).toBeGreaterThan(3);
    expect(details).toHaveLength(corpus.topics.length);
    expect(
      createMatcher(index)
        .findAll('the 2018 Singapore Agreement')
        .map((m) => index.topics[m.topic]!.id),
    ).toEqual(['singapore-agreement-2018']);
    // A date its source gives without a year carries the source's year (the RUSI commentary of
    // 2022: "On 21 March"); a date with its year carries none.
    const claimsOf = (id: string) => index.claims[index.topics.findIndex((t: { id: string }) => t.id === id)];
    expect(claimsOf('peace-talks-suspension-2022')).toMatchObject([{ attribute: 'date', value: { month: 3, day: 21 }, sourceYear: 2022 }]);
    expect(claimsOf('joint-declaration-1956')).toMatchObject([{ attribute: 'date', value: { year: 1956 } }]);
    expect(claimsOf('joint-declaration-1956')[0].sourceYear).toBeUndefined();
    // The names other events share go with the claims: no value is judged through one of them alone.
    expect(claimsOf('joint-declaration-1956')[0].shared).toEqual(expect.arrayContaining(['Joint Declaration', '共同宣言']));
    expect(claimsOf('joint-declaration-1956')[0].shared).not.toContain('1956 Declaration');
  });

  it('stops on a quote that is not verbatim, naming file, topic and field', async () => {
    let topicId = '';
    const data = brokenCopy((topics) => {
      const t = topics[0] as { id: string; facts: Array<{ quotes: Array<{ text: string }> }> };
      topicId = t.id;
      t.facts[0]!.quotes[0]!.text += ' and a word the source never wrote';
    });
    await expect(compileCorpus(data)).rejects.toThrow(
      new RegExp(`data/topics/agreements\\.json › topic "${topicId}" › facts\\[0\\]\\.quotes\\[0\\]\\.text: not found verbatim`),
    );
  });

  it('stops on a file that is not JSON, naming it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'backstory-data-'));
    cpSync(DATA, dir, { recursive: true });
    writeFileSync(join(dir, 'topics', 'places.json'), '[{ "id": "x", }]');
    await expect(compileCorpus(dir)).rejects.toThrow(/topics\/places\.json: not valid JSON/);
  });

  it('writes an MV3 manifest per browser from the one source', () => {
    const chrome = manifestFor('chrome', '1.2.3');
    const firefox = manifestFor('firefox', '1.2.3');
    expect(chrome).toMatchObject({ manifest_version: 3, version: '1.2.3', background: { service_worker: 'background.js' } });
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(firefox).toMatchObject({
      manifest_version: 3,
      version: '1.2.3',
      background: { scripts: ['background.js'] },
      browser_specific_settings: { gecko: { id: GECKO_ID, data_collection_permissions: { required: ['none'] } } },
    });
    expect(Number.parseFloat(firefox.browser_specific_settings.gecko.strict_min_version)).toBeGreaterThanOrEqual(142);
    // No host beyond the content script's, and no new install warning: scripting only registers
    // packs-flag.js on those hosts (which needs them as host permissions), and the popup reads the
    // address of a page Backstory's first script left quiet.
    for (const m of [chrome, firefox]) {
      expect(m.permissions).toEqual(['storage', 'scripting']);
      expect(m.host_permissions).toEqual(m.content_scripts[0].matches);
    }
  });
});
