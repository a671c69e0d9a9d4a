// The first script's gate: it may send a page without mentions on to the matcher, but it must
// never keep a page with one from it. Checked against the real matcher over the real corpus,
// with every alias written the ways pages write names, and on the fixture pages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script
import { compileCorpus } from '../../build.mjs';
import type { CompiledIndex } from '../../src/core/corpus-types';
import { createGate, GATE_STEM, type PackedGate } from '../../src/core/gate';
import { gateNeedles, MAX_GATE_CHARS, needleOf, packGate } from '../../src/core/gate-needles';
import { createMatcher, type Matcher } from '../../src/core/matcher';

let index: CompiledIndex;
let matcher: Matcher;
let gate: (text: string) => boolean;
let needles: PackedGate | null;

beforeAll(async () => {
  const built = await compileCorpus();
  index = built.index;
  needles = built.gate;
  matcher = createMatcher(index);
  gate = createGate(needles);
});

const naming = () => Object.keys(index.aliases).filter((k) => index.aliases[k]!.topic >= 0);
const finds = (text: string) => matcher.findAll(text, { pageHasContext: true }).length > 0;

/** The ways pages write a name: case, typographic dashes and quotes, odd spaces, punctuation around it. */
function writtenAs(key: string, style: number): string {
  const cased = [key, key.toUpperCase(), key.replace(/(^|[\s-])(\S)/g, (_m, sep: string, c: string) => sep + c.toUpperCase())][style % 3]!;
  const dashed = style & 4 ? cased.replace(/-/g, '\u2013') : style & 8 ? cased.replace(/-/g, ' - ') : cased;
  const quoted = style & 16 ? dashed.replace(/'/g, '\u2019') : dashed;
  const spaced = style & 32 ? quoted.replace(/ /g, '\u00a0') : quoted;
  // Words joined by hyphens as a compound ("peace-treaty talks"), which the matcher reads as spaces.
  return style & 64 ? spaced.replace(/ /g, '-') : spaced;
}

/** Each way of writing alone, and a few together (see writtenAs). */
const STYLES = [0, 1, 2, 4, 8, 16, 32, 64, 5, 22, 45, 62, 65];

describe('the gate', () => {
  it('lets through every alias of the corpus, written every way pages write it, wherever the matcher finds it', () => {
    let checked = 0;
    for (const key of naming()) {
      for (const style of STYLES) {
        for (const around of [
          ['', ''],
          ['The ', ' was discussed.'],
          ['(', '),'],
          ['«', '»'],
          ['「', '」について'],
          // Right after kana, where a Latin or Cyrillic name may start too ("はPutinと").
          ['は', 'と'],
        ]) {
          const text = `${around[0]}${writtenAs(key, style)}${around[1]}`;
          if (!finds(text)) continue;
          checked++;
          expect(gate(text), text).toBe(true);
        }
      }
    }
    // The matcher found most of them: the check above is not vacuous.
    expect(checked).toBeGreaterThan(naming().length * STYLES.length * 3);
    // ~80,000 matcher calls: seconds on a busy machine, and nothing here is about speed.
  }, 60_000);

  it('lets through any page text in which the matcher finds a mention (random text around random aliases)', () => {
    const keys = naming();
    const filler = fc.array(
      fc.constantFrom('kettle', 'five', 'minutes', 'garden', 'the', 'of', ',', '.', '—', '  ', '\n', 'и', 'の', '島', 'x', '1956'),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(
        filler,
        fc.integer({ min: 0, max: keys.length - 1 }),
        fc.integer({ min: 0, max: 63 }),
        filler,
        fc.boolean(),
        (before, k, style, after, long) => {
          // Long text is read another way (split, not a character at a time): both are tried.
          const lead = long ? 'Water the basil every morning. '.repeat(80) : '';
          const text = `${lead}${before.join(' ')} ${writtenAs(keys[k]!, style)}${after.join('')}`;
          return !finds(text) || gate(text);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('lets through every fixture page that has mentions', () => {
    const dir = join(import.meta.dirname, '..', 'fixtures', 'matching');
    const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(3);
    for (const file of pages) {
      const body = /<body>([\s\S]*)<\/body>/.exec(readFileSync(join(dir, file), 'utf8'))![1]!.replace(/<[^>]+>/g, '');
      if (finds(body)) expect(gate(body), file).toBe(true);
    }
  });

  it('stops ordinary text that names nothing, in the three languages, short or long', () => {
    expect(gate('The kettle is on; back in five minutes.')).toBe(false);
    expect(gate('Water the basil every morning, and pick the ripe tomatoes before the rain. '.repeat(40))).toBe(false);
    expect(gate('今日は晴れです。午後から散歩に行きます。')).toBe(false);
    expect(gate('Сегодня хорошая погода, мы идём гулять.')).toBe(false);
  });

  it('stops ordinary English whose words are words of names (people, world, security, minister, treaty)', () => {
    // Each of these words was once a needle on its own, so nearly every page in English went on to the matcher.
    const prose = [
      'People around the world watched the second half of the final.',
      'Security at the conference was tight, the minister said, as the group met in March.',
      'The council voted on the treaty after a long debate about information and international trade.',
      'Our president thanked every member of the committee for the small but global project.',
    ];
    for (const text of prose) expect(gate(text), text).toBe(false);
    expect(gate(prose.join(' ').repeat(30)), 'long').toBe(false);
  });

  it('lets a name through inside any longer text, past the quick check', () => {
    const long = 'Water the basil every morning. '.repeat(300);
    expect(gate(`${long} Talks on Shikotan resumed.`)).toBe(true);
    expect(gate(`${long}北方領土`)).toBe(true);
    // A word that begins like a name is asked of the full set of needles, which says no.
    expect(gate('The Kuriosity shop reopened.')).toBe(false);
    expect(gate('Ещё один тёплый день.')).toBe(false);
  });

  it('lets a name through where the first word of its needle comes again later, after uses that name nothing', () => {
    // "territo…" begins the needle of "territorial dispute"; its first uses here name nothing.
    const before = 'Territorial waters were calm. The territory was quiet. A territorial claim about fishing. ';
    const text = `${before.repeat(5)}The territorial dispute came up again.`;
    expect(finds(text)).toBe(true);
    expect(gate(text)).toBe(true);
    expect(gate(before.repeat(5)), 'without the name').toBe(finds(before.repeat(5)));
  });

  it('sends text it cannot judge (letters the matcher folds further) on to the matcher', () => {
    expect(gate('Un café à Paris.')).toBe(true);
    expect(gate('ＡＢＣ')).toBe(true);
  });
});

describe('needles', () => {
  it('read a name in words by its shortest stretch of words holding two telling ones; a name in Japanese by its longest run', () => {
    expect(needleOf('northern territories')).toEqual({ word: `norther${GATE_STEM} territo${GATE_STEM}` });
    expect(needleOf('end of the second world war')).toEqual({ word: 'second world' });
    expect(needleOf('aid to ukraine')).toEqual({ word: 'aid to ukraine' });
    expect(needleOf('shikotan')).toEqual({ word: `shikota${GATE_STEM}` });
    expect(needleOf('suga')).toEqual({ word: 'suga' });
    expect(needleOf('g-7')).toEqual({ word: 'g 7' });
    expect(needleOf('北方領土')).toEqual({ anywhere: '北方領土' });
    // A stem keeps its mark: it may begin a longer word.
    expect(needleOf(`курил${GATE_STEM}`)).toEqual({ word: `курил${GATE_STEM}` });
    // Longer words are cut to their start: their forms are one needle.
    expect(needleOf('мирного договора')).toEqual({ word: `мирно${GATE_STEM} догов${GATE_STEM}` });
    const north = createGate(packGate(gateNeedles(['northern territories', 'g-7'])));
    const verdicts = [
      'Northern Territories',
      'northern\u00a0territories',
      'northern-territories',
      'the G–7 summit',
      'Northern lights',
      'territories',
    ];
    expect(verdicts.map(north)).toEqual([true, true, true, true, false, false]);
  });

  it('drop a needle another one implies, so the set stays small', () => {
    const n = gateNeedles(['japan', 'japan soviet', 'japanese', `курил${GATE_STEM}`, 'курильские острова', '北方領土', '北方領土問題']);
    expect(n.words).toEqual(['japan', `japanes${GATE_STEM}`, `курил${GATE_STEM}`]);
    expect(n.anywhere).toEqual(['北方領土']);
    const gate = createGate(packGate(n));
    expect([gate('Japanese'), gate('Japan-Soviet'), gate('Курильских'), gate('北方領土問題'), gate('Nippon'), gate('Japanology')]).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(createGate(packGate({ words: [], anywhere: [] }))('anything at all, '.repeat(400))).toBe(false);
  });

  it('are left out for a corpus too big to ask about cheaply: every page goes on to the matcher', () => {
    const many = Array.from({ length: MAX_GATE_CHARS / 8 }, (_, i) => `name${i.toString(36)}x`);
    expect(packGate(gateNeedles(many))).toBeNull();
    expect(createGate(null)('The kettle is on.')).toBe(true);
  });
});
