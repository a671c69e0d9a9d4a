import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCorpusError } from '../../src/core/corpus-validate';
import { parseLocal } from '../../src/core/local-data';
import { MAX_PACK_CHARS, readPack, type InstalledPack, type PackFiles, type ReadPackOptions } from '../../src/core/packs';
import { packDetails, parseInstalledPacks, parsePackFiles, withoutPack, withPack, withPackEnabled } from '../../src/core/packs-stored';
import { miniIndex } from './mini-corpus';

const SAMPLE_FILE = join(import.meta.dirname, '..', 'fixtures', 'packs', 'sample-pack.json');
const SAMPLE = readFileSync(SAMPLE_FILE, 'utf8');
const builtIn = miniIndex();
const NOW = new Date('2025-01-02T03:04:05Z');

type PackJson = {
  format: unknown;
  version: unknown;
  pack: Record<string, unknown>;
  sources: Array<Record<string, unknown>>;
  topics: Array<Record<string, unknown> & { aliases: unknown[]; facts: Array<{ quotes: Array<{ source: string; text: string }> }> }>;
};
const sample = (): PackJson => JSON.parse(SAMPLE) as PackJson;
const options = (over: Partial<ReadPackOptions> = {}): ReadPackOptions => ({ fileName: 'pack.json', builtIn, installed: [], now: NOW, ...over });

/** The errors of a rejected pack, as the options page shows them. */
function errorsOf(pack: unknown, over: Partial<ReadPackOptions> = {}): string[] {
  const r = readPack(typeof pack === 'string' ? pack : JSON.stringify(pack), options(over));
  if (r.ok) throw new Error('expected the pack to be rejected');
  return r.errors.map(formatCorpusError);
}

function accepted(text = SAMPLE, over: Partial<ReadPackOptions> = {}): { pack: InstalledPack; files: PackFiles } {
  const r = readPack(text, options(over));
  if (!r.ok) throw new Error(r.errors.map(formatCorpusError).join('\n'));
  return r;
}

describe('readPack: a valid pack', () => {
  it('is accepted, compiled, and switched on', () => {
    const { pack, files } = accepted();
    expect(pack).toMatchObject({
      id: 'test-fixture-pack',
      name: 'Test fixture pack (fictional)',
      enabled: true,
      importedAt: '2025-01-02T03:04:05.000Z',
    });
    expect(pack.version).toMatch(/^test-fixture-pack@[0-9a-f]{8}$/);
    expect(pack.index.topics.map((t) => t.id)).toEqual(['lanternbury-harbour-accord', 'port-vessick']);
    expect(Object.keys(pack.index.aliases).sort()).toEqual(['lanternbury accord', 'lanternbury harbour accord', 'port vessick']);
    // Ambiguous aliases of a pack need the built-in corpus's context words.
    expect(pack.index.context).toEqual(builtIn.context);
    expect(pack.index.categories).toEqual(builtIn.categories);
    expect(files.raw).toBe(SAMPLE);
    const [accord] = files.details;
    expect(accord?.corpusVersion).toBe(pack.version);
    expect(accord?.category.id).toBe('agreements');
    expect(Object.keys(accord!.sources)).toEqual(['backstory-test-fixture']);
    // Details carry the sources' metadata, not their full text.
    expect(JSON.stringify(files.details)).not.toContain('ferry to nowhere');
  });

  it('gets a new version when its content changes', () => {
    const changed = sample();
    changed.pack.description = 'Another description.';
    expect(accepted(JSON.stringify(changed)).pack.version).not.toBe(accepted().pack.version);
  });
});

describe('readPack: rejection names the pack, entry and field', () => {
  it('a file that is not JSON', () => {
    expect(errorsOf('{ "format": ', { fileName: 'broken.json' })[0]).toMatch(/^broken\.json › \(file\): not valid JSON \(/);
  });

  it('a file over the size limit', () => {
    expect(errorsOf(' '.repeat(MAX_PACK_CHARS + 1), { fileName: 'huge.json' })).toEqual([
      `huge.json › (file): is 3.0 million characters; a pack may have at most 3 million`,
    ]);
  });

  it('something other than an object', () => {
    expect(errorsOf('[]', { fileName: 'list.json' })).toEqual([
      'list.json › (root): must be an object with "format", "version", "pack", "sources" and "topics"',
    ]);
  });

  it('an unknown format or version, and nothing else', () => {
    expect(errorsOf({ ...sample(), format: 'something-else', topics: 'nonsense' })).toEqual([
      'pack "test-fixture-pack" › format: must be "backstory-pack", not "something-else"',
    ]);
    expect(errorsOf({ ...sample(), version: 2 })).toEqual(['pack "test-fixture-pack" › version: 2 is not supported; this Backstory reads version 1']);
    const { format: _f, ...noFormat } = sample();
    expect(errorsOf(noFormat)).toEqual(['pack "test-fixture-pack" › format: is required: "backstory-pack"']);
  });

  it('missing or malformed pack metadata, named by the file until the id is known', () => {
    const p = sample();
    p.pack = { id: 'Not Kebab', description: 5 };
    expect(errorsOf(p, { fileName: 'mine.json' })).toEqual([
      'mine.json › pack.id: must be lower-case kebab-case',
      'mine.json › pack.name: is required',
      'mine.json › pack.description: must be a string',
    ]);
  });

  it('a quote that is not verbatim in the pack’s own source', () => {
    const p = sample();
    p.topics[0]!.facts[0]!.quotes[0]!.text = 'the towns of Port Vessick and Lower Amberfold signed the accord on 4 May 2001';
    expect(errorsOf(p)).toEqual([
      'pack "test-fixture-pack" › topics › topic "lanternbury-harbour-accord" › facts[0].quotes[0].text: not found verbatim in source "backstory-test-fixture": "the towns of Port Vessick and Lower Amberfold signed the accord on 4 May 2001"',
    ]);
  });

  it('a quote citing a built-in source: a pack cites only its own', () => {
    const p = sample();
    p.topics[1]!.facts[0]!.quotes[0]!.source = 'rusi-brown-2022';
    expect(errorsOf(p)).toEqual([
      'pack "test-fixture-pack" › topics › topic "port-vessick" › facts[0].quotes[0].source: unknown source "rusi-brown-2022"',
    ]);
  });

  it('a source without its text, or with bad metadata', () => {
    const p = sample();
    delete p.sources[0]!.text;
    p.sources[0]!.date = 'May 2001';
    expect(errorsOf(p)).toEqual([
      'pack "test-fixture-pack" › sources[0] › text: is required: the document\'s full text',
      'pack "test-fixture-pack" › sources[0] › date: "May 2001" is not YYYY, YYYY-MM or YYYY-MM-DD',
    ]);
  });

  it('a topic in a category Backstory does not have, and a topic without facts', () => {
    const p = sample();
    p.topics[1]!.category = 'weather';
    p.topics[0]!.facts = [];
    expect(errorsOf(p)).toEqual([
      'pack "test-fixture-pack" › topics › topic "lanternbury-harbour-accord" › facts: needs at least 1',
      'pack "test-fixture-pack" › topics › topic "port-vessick" › category: unknown category "weather"',
    ]);
  });

  it('no sources or no topics', () => {
    expect(errorsOf({ ...sample(), sources: [], topics: [] })).toEqual([
      'pack "test-fixture-pack" › sources: needs at least one source',
      'pack "test-fixture-pack" › topics: needs at least one topic',
    ]);
  });

  it('an alias or topic id of the built-in corpus, after folding, stems included', () => {
    const p = sample();
    p.topics[0]!.aliases.push('SHIKOTAN', 'Ｎｏｒｔｈｅｒｎ  Territories', 'Курил*');
    p.topics[1]!.id = 'hokkaido';
    expect(errorsOf(p)).toEqual([
      'pack "test-fixture-pack" › topics › topic "lanternbury-harbour-accord" › aliases[2]: "SHIKOTAN" is already an alias of built-in topic "shikotan"',
      'pack "test-fixture-pack" › topics › topic "lanternbury-harbour-accord" › aliases[3]: "Ｎｏｒｔｈｅｒｎ  Territories" is already an alias of built-in topic "northern-territories"',
      'pack "test-fixture-pack" › topics › topic "lanternbury-harbour-accord" › aliases[4]: "Курил*" is already an alias of built-in topic "kurils"',
      'pack "test-fixture-pack" › topics › topic "hokkaido" › id: "hokkaido" is already the id of built-in topic "hokkaido"',
    ]);
  });

  it('an alias or topic id of another installed pack', () => {
    const installed = [accepted().pack];
    const p = sample();
    p.pack.id = 'second-pack';
    p.topics[0]!.id = 'another-accord';
    p.topics[0]!.aliases = ['Lanternbury accord'];
    expect(errorsOf(p, { installed })).toEqual([
      'pack "second-pack" › topics › topic "another-accord" › aliases[0]: "Lanternbury accord" is already an alias of topic "lanternbury-harbour-accord" of installed pack "test-fixture-pack"',
      'pack "second-pack" › topics › topic "port-vessick" › id: "port-vessick" is already the id of topic "port-vessick" of installed pack "test-fixture-pack"',
      'pack "second-pack" › topics › topic "port-vessick" › aliases[0]: "Port Vessick" is already an alias of topic "port-vessick" of installed pack "test-fixture-pack"',
    ]);
  });

  it('a pack id already installed, unless the import is an explicit update of that pack', () => {
    const installed = [accepted().pack];
    expect(errorsOf(SAMPLE, { installed })).toEqual([
      'pack "test-fixture-pack" › pack.id: a pack "test-fixture-pack" is already installed; use its Update button to replace it',
    ]);
    expect(readPack(SAMPLE, options({ installed, update: 'test-fixture-pack' })).ok).toBe(true);
    expect(errorsOf(SAMPLE, { installed, update: 'other-pack' })).toEqual([
      'pack "test-fixture-pack" › pack.id: is "test-fixture-pack", but this file was chosen to update pack "other-pack"',
    ]);
  });

  it('lists every error at once', () => {
    const p = sample();
    p.topics[0]!.facts[0]!.quotes[0]!.text = 'invented words';
    p.topics[0]!.aliases.push('Shikotan');
    p.topics[1]!.summary = '';
    expect(errorsOf(p)).toHaveLength(3);
  });

  it('rejected: nothing installed changes', () => {
    const first = accepted();
    const installed = Object.freeze([first.pack]);
    const files = Object.freeze({ [first.pack.id]: first.files });
    const before = JSON.stringify([installed, files]);
    const p = sample();
    p.pack.id = 'second-pack';
    p.topics = [{ ...p.topics[0]!, id: 'new-topic', aliases: ['New alias', 'Port Vessick'] }];
    const r = readPack(JSON.stringify(p), options({ installed }));
    expect(r.ok).toBe(false);
    expect(JSON.stringify([installed, files])).toBe(before);
  });
});

describe('installed packs', () => {
  it('adds, updates (keeping the on/off state), switches and removes', () => {
    const a = accepted();
    let state = withPack([], {}, a.pack, a.files);
    expect(state.packs.map((p) => p.id)).toEqual(['test-fixture-pack']);
    state = { ...state, packs: withPackEnabled(state.packs, 'test-fixture-pack', false) };
    const changed = sample();
    changed.pack.name = 'Renamed';
    const b = accepted(JSON.stringify(changed), { installed: state.packs, update: 'test-fixture-pack' });
    state = withPack(state.packs, state.packFiles, b.pack, b.files);
    expect(state.packs).toHaveLength(1);
    expect(state.packs[0]).toMatchObject({ name: 'Renamed', enabled: false });
    expect(state.packFiles['test-fixture-pack']?.raw).toContain('"Renamed"');
    expect(withoutPack(state.packs, state.packFiles, 'test-fixture-pack')).toEqual({ packs: [], packFiles: {} });
  });

  it('answers tooltip details from enabled packs only', () => {
    const { pack, files } = accepted();
    const all = { [pack.id]: files };
    expect(packDetails([pack], all, 'port-vessick')?.topic.name).toBe('Port Vessick (fictional)');
    expect(packDetails([{ ...pack, enabled: false }], all, 'port-vessick')).toBeNull();
    expect(packDetails([pack], all, 'shikotan')).toBeNull();
  });
});

describe('stored packs read back defensively', () => {
  const { pack, files } = accepted();
  const stored = JSON.parse(JSON.stringify([pack])) as unknown[];

  it('reads what was stored', () => {
    expect(parseInstalledPacks(stored)).toEqual([pack]);
    expect(parsePackFiles(JSON.parse(JSON.stringify({ [pack.id]: files })))).toEqual({ [pack.id]: files });
  });

  it('falls back to no packs on a corrupt value, without throwing', () => {
    for (const bad of [undefined, null, 'packs', 42, {}, { 0: pack }]) expect(parseInstalledPacks(bad)).toEqual([]);
    for (const bad of [undefined, null, 'x', [], 7]) expect(parsePackFiles(bad)).toEqual({});
    const hostile = new Proxy([], {
      get: () => {
        throw new Error('boom');
      },
    });
    expect(parseLocal('packs', hostile)).toEqual([]);
  });

  it('drops corrupt entries and keeps the rest', () => {
    const broken = [
      { ...pack, id: 'broken-index', index: { ...pack.index, aliases: 5 } },
      { ...pack, id: 'bad-topic-number', index: { ...pack.index, aliases: { x: { topic: 9, alias: 'x', ambiguous: false } } } },
      { ...pack, id: 'bad-claim-event', index: { ...pack.index, claimEvents: [{ topic: 0, phrases: ['met'], with: [99] }] } },
      { ...pack, id: 'Not An Id' },
      { ...pack, enabled: 'yes' },
      'a string',
      pack,
      pack,
    ];
    expect(parseInstalledPacks(broken).map((p) => p.id)).toEqual(['test-fixture-pack']);
    expect(parsePackFiles({ a: { raw: 1, details: [] }, b: { raw: 'x', details: [null, { topic: {} }] } })).toEqual({ b: { raw: 'x', details: [] } });
  });
});
