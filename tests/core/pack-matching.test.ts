import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { falseMatchesOn, parseFalseMatches, withFalseMatch, withoutFalseMatch, type FalseMatch } from '../../src/core/false-matches';
import { createMatcher } from '../../src/core/matcher';
import { combineCorpus, corpusKey } from '../../src/core/pack-matching';
import { readPack, type InstalledPack } from '../../src/core/packs';
import { miniIndex } from './mini-corpus';

const builtIn = miniIndex();
const base = { index: builtIn, matcher: createMatcher(builtIn) };
const SAMPLE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'packs', 'sample-pack.json'), 'utf8');

function packFrom(edit: (p: { pack: Record<string, unknown>; topics: Array<Record<string, unknown>> }) => void = () => undefined): InstalledPack {
  const json = JSON.parse(SAMPLE) as { pack: Record<string, unknown>; topics: Array<Record<string, unknown>> };
  edit(json);
  const r = readPack(JSON.stringify(json), { fileName: 'p.json', builtIn, installed: [] });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.pack;
}
const sample = packFrom();
const none = new Set<string>();

/** What a view finds in a text: [matched text, topic id] (leaving out what waits for page context). */
const found = (view: ReturnType<typeof combineCorpus>, text: string, pageHasContext = false) =>
  view.matcher
    .findAll(text, { pageHasContext })
    .filter((m) => !m.deferred)
    .map((m) => [text.slice(m.start, m.end), view.index.topics[m.topic]?.id]);

describe('combineCorpus', () => {
  it('is the built-in corpus itself when there is nothing of the reader’s own', () => {
    expect(combineCorpus(base, [], none)).toBe(base);
    expect(combineCorpus(base, [{ ...sample, enabled: false }], none)).toBe(base);
  });

  it('matches enabled packs on the same text, numbering their topics after the built-in ones', () => {
    const view = combineCorpus(base, [sample], none);
    expect(view.index.topics.map((t) => t.id)).toEqual([...builtIn.topics.map((t) => t.id), 'lanternbury-harbour-accord', 'port-vessick']);
    expect(found(view, 'Shikotan, the Lanternbury Harbour Accord and PORT VESSICK.')).toEqual([
      ['Shikotan', 'shikotan'],
      ['Lanternbury Harbour Accord', 'lanternbury-harbour-accord'],
      ['PORT VESSICK', 'port-vessick'],
    ]);
  });

  it('keeps the longest of overlapping mentions from different corpora', () => {
    const pack = packFrom((p) => {
      p.topics[1]!.aliases = ['Shikotan ferry', 'Port Vessick'];
    });
    const view = combineCorpus(base, [pack], none);
    expect(found(view, 'The Shikotan ferry left. Shikotan is an island.')).toEqual([
      ['Shikotan ferry', 'port-vessick'],
      ['Shikotan', 'shikotan'],
    ]);
  });

  it('holds a pack’s ambiguous aliases to the built-in context words', () => {
    const pack = packFrom((p) => {
      p.topics[1]!.aliases = [{ text: 'Vessick', ambiguous: true }];
    });
    const view = combineCorpus(base, [pack], none);
    expect(found(view, 'Vessick is a name.')).toEqual([]);
    expect(found(view, 'Japan and Russia talked about Vessick.')).toEqual([['Vessick', 'port-vessick']]);
    expect(found(view, 'Vessick is a name.', true)).toEqual([['Vessick', 'port-vessick']]);
  });

  it('leaves out false matches recorded for the site: that alias, that topic, any spelling', () => {
    const reports: FalseMatch[] = [
      { site: 'example.com', alias: 'Shikotan', topicId: 'shikotan', at: '' },
      { site: 'example.com', alias: 'Lanternbury Accord', topicId: 'lanternbury-harbour-accord', at: '' },
      { site: 'other.org', alias: 'Port Vessick', topicId: 'port-vessick', at: '' },
    ];
    const view = combineCorpus(base, [sample], falseMatchesOn(reports, 'example.com'));
    expect(found(view, 'SHIKOTAN, Lanternbury accord, Lanternbury Harbour Accord, Port Vessick, 色丹島.')).toEqual([
      ['Lanternbury Harbour Accord', 'lanternbury-harbour-accord'],
      ['Port Vessick', 'port-vessick'],
      ['色丹島', 'shikotan'],
    ]);
    // Built-in only, with a report: still filtered.
    expect(found(combineCorpus(base, [], falseMatchesOn(reports, 'example.com')), 'Shikotan and Habomai')).toEqual([]);
  });

  it('numbers a pack’s claims after the built-in topics', () => {
    const pack = { ...sample, index: { ...sample.index, claims: { 0: [{ attribute: 'count' as const, value: 12, units: ['articles'] }] } } };
    const view = combineCorpus(base, [pack], none);
    expect(view.index.claims[builtIn.topics.length]).toEqual([{ attribute: 'count', value: 12, units: ['articles'] }]);
  });

  it('tells a pack’s look-alike by the pack topic’s number in the combined index', () => {
    const pack = packFrom((p) => {
      p.topics[0]!.notAliases = ['Lanternbury Harbour Accord of 1802'];
    });
    const view = combineCorpus(base, [pack], none);
    const told: Array<string | undefined> = [];
    view.matcher.findAll('The Lanternbury Harbour Accord of 1802 was signed.', { onLookalike: (topic) => told.push(view.index.topics[topic]?.id) });
    // Not the built-in topic that happens to have the same number in the built-in index.
    expect(told).toEqual([pack.index.topics[0]!.id]);
  });

  it('survives a stored pack whose index no longer makes a matcher', () => {
    const broken = { ...sample, index: { ...sample.index, aliases: { 'port vessick': null as never } } };
    const view = combineCorpus(
      base,
      [
        broken,
        packFrom((p) => {
          p.pack.id = 'other';
          p.topics[1]!.aliases = ['Vessick Quay'];
        }),
      ],
      none,
    );
    expect(found(view, 'Vessick Quay and Port Vessick')).toEqual([['Vessick Quay', 'port-vessick']]);
  });

  it('changes its key only when what is matched changes', () => {
    const key = corpusKey([sample], new Set(['a']));
    expect(corpusKey([sample, { ...sample, id: 'x', enabled: false, version: 'x@1' }], new Set(['a']))).toBe(key);
    expect(corpusKey([{ ...sample, enabled: false }], new Set(['a']))).not.toBe(key);
    expect(corpusKey([sample], new Set(['a', 'b']))).not.toBe(key);
  });
});

describe('false matches', () => {
  const m: FalseMatch = { site: 'example.com', alias: 'Abe', topicId: 'abe', at: '2025-01-01T00:00:00.000Z' };

  it('records each alias, topic and site once, and removes them', () => {
    const list = withFalseMatch(withFalseMatch([], m), { ...m, alias: 'ABE', at: 'later' });
    expect(list).toEqual([m]);
    expect(withFalseMatch(list, { ...m, site: 'other.org' })).toHaveLength(2);
    expect(withoutFalseMatch(list, { site: 'example.com', alias: 'abe', topicId: 'abe' })).toEqual([]);
  });

  it('reads stored reports defensively', () => {
    for (const bad of [undefined, null, 'x', { 0: m }]) expect(parseFalseMatches(bad)).toEqual([]);
    expect(parseFalseMatches([m, { ...m, site: 'bad site/' }, { ...m, topicId: '' }, { ...m, alias: 3 }, 'x', m])).toEqual([m]);
  });
});
