import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAutomaton, containsWord, isSpacedCode, isWordCode, nextStart, unpackAutomaton, walk, walkText } from '../../src/core/automaton';
import type { PackedAutomaton } from '../../src/core/corpus-types';

const automaton = (keys: string[]) => unpackAutomaton(compileAutomaton(keys.map((key, entry) => ({ key, entry }))));
/** The word (by its key) found at i, and the text it covers. */
function at(keys: string[], text: string, i = 0): [string, string] | null {
  const t = walkText(text);
  const hit = walk(automaton(keys), t, i);
  return hit ? [keys[hit.entry]!, text.slice(i, hit.end)] : null;
}

describe('compiled automaton', () => {
  it('finds the longest word at a position', () => {
    const keys = ['kuril', 'kuril islands', 'kurils'];
    expect(at(keys, 'Kuril Islands dispute')).toEqual(['kuril islands', 'Kuril Islands']);
    expect(at(keys, 'Kurils today')).toEqual(['kurils', 'Kurils']);
    expect(at(keys, 'Kuril chain')).toEqual(['kuril', 'Kuril']);
  });

  it('needs a word boundary after a word of a spaced script, not after one in Japanese', () => {
    expect(at(['abe'], 'Abendland')).toBeNull();
    expect(at(['abe'], 'Abe, then')).toEqual(['abe', 'Abe']);
    expect(at(['北方領土'], '北方領土問題')).toEqual(['北方領土', '北方領土']);
  });

  it('lets runs of spaces, or a hyphen, match one space, and a dash carry spaces around it', () => {
    const keys = ['northern territories', 'soviet-japanese joint declaration'];
    expect(at(keys, 'Northern \n  Territories')).toEqual(['northern territories', 'Northern \n  Territories']);
    expect(at(keys, 'Soviet - Japanese Joint Declaration')?.[0]).toBe('soviet-japanese joint declaration');
    expect(at(keys, 'Soviet-  Japanese Joint Declaration')?.[0]).toBe('soviet-japanese joint declaration');
    // Hyphenated as a compound ("peace-treaty talks"), the words are the same words.
    expect(at(keys, 'Northern-Territories')).toEqual(['northern territories', 'Northern-Territories']);
  });

  it('takes up to six letters of case ending after a stem, then a boundary', () => {
    const keys = ['курил*'];
    expect(at(keys, 'Курилах и')).toEqual(['курил*', 'Курилах']);
    expect(at(keys, 'Курил.')).toEqual(['курил*', 'Курил']);
    expect(at(keys, 'Курилабвгдежз')).toBeNull();
  });

  it('tells whether a text contains any word, starting on a word boundary', () => {
    const a = automaton(['japan', 'russia']);
    expect(containsWord(a, walkText('Talks between Japan and others'))).toBe(true);
    expect(containsWord(a, walkText('nonjapanese'))).toBe(false);
  });

  it('refuses a corrupt packed table instead of walking garbage', () => {
    expect(() => unpackAutomaton({ nodes: 'AAA', labels: '', starts: '' })).toThrow(/corrupt/);
    const sound = compileAutomaton([{ key: 'japan', entry: 0 }]);
    expect(() => unpackAutomaton({ nodes: sound.nodes, labels: sound.labels } as PackedAutomaton)).toThrow(/corrupt/);
  });

  it('agrees with a plain longest-match search on random words and texts', () => {
    const letter = fc.constantFrom('a', 'b', 'c', ' ', 'я', '島');
    const word = fc
      .array(letter, { minLength: 1, maxLength: 5 })
      .map((cs) => cs.join('').trim().replace(/ +/g, ' '))
      .filter((w) => w.length > 0);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), fc.array(letter, { maxLength: 30 }), (keys, chars) => {
        const text = chars.join('');
        const a = automaton(keys);
        for (let i = 0; i < text.length; i++) {
          const hit = walk(a, text, i);
          // Reference: the longest key that is a prefix at i (space runs collapse), not followed by a
          // letter or digit of a spaced script when it ends in one.
          const spaced = (c: string | undefined) => !!c && /[\p{Script=Latin}\p{Script=Cyrillic}\p{N}]/u.test(c);
          let best: number | null = null;
          for (const k of keys) {
            let j = i;
            let ok = true;
            for (const ch of k) {
              if (ch === ' ' && text[j] === ' ') while (text[j] === ' ') j++;
              else if (text[j] === ch && ch !== ' ') j++;
              else {
                ok = false;
                break;
              }
            }
            if (ok && spaced(k[k.length - 1]!) && spaced(text[j])) ok = false;
            if (ok && (best === null || j > best)) best = j;
          }
          expect(hit?.end ?? null).toBe(best);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds, natively, every place the walk would find a word (random words with spaces and dashes)', () => {
    const letter = fc.constantFrom('a', 'b', 'c', ' ', '-', 'я', 'Я', '島', '1');
    const word = fc
      .array(letter, { minLength: 1, maxLength: 7 })
      .map((cs) => cs.join('').trim().replace(/ +/g, ' ').replace(/ ?- ?/g, '-'))
      .filter((w) => /^[^-]/.test(w));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), fc.array(letter, { maxLength: 40 }), (keys, chars) => {
        const t = walkText(chars.join(''));
        const a = automaton(keys);
        const candidates = new Set<number>();
        for (let i = nextStart(a, t, 0, t.length); i >= 0; i = nextStart(a, t, i + 1, t.length)) candidates.add(i);
        for (let i = 0; i < t.length; i++) {
          const atWordStart = i === 0 || !isSpacedCode(t.charCodeAt(i)) || !isWordCode(t.charCodeAt(i - 1));
          if (atWordStart && walk(a, t, i)) expect(candidates.has(i), `${JSON.stringify(keys)} in ${JSON.stringify(t)} at ${i}`).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds nothing with no words, and skips to the start of a word in spaced scripts', () => {
    const none = automaton([]);
    expect(nextStart(none, 'anything', 0, 8)).toBe(-1);
    const a = automaton(['abe', '島']);
    expect(nextStart(a, 'label abe', 0, 9)).toBe(6);
    expect(nextStart(a, '色丹島', 0, 3)).toBe(2);
    expect(nextStart(a, 'label abe', 0, 5)).toBe(-1);
  });

  it('keeps the candidate search small for a big corpus, and still finds every word', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    let seed = 7;
    const rand = () => (seed = (seed * 48271) % 2147483647) % letters.length;
    const keys = Array.from({ length: 10_000 }, () => Array.from({ length: 6 + (rand() % 5) }, () => letters[rand()]).join(''));
    const packed = compileAutomaton(keys.map((key, entry) => ({ key, entry })));
    expect(packed.starts.length).toBeLessThanOrEqual(8 * 1024);
    const a = unpackAutomaton(packed);
    const t = walkText(` ${keys.slice(0, 50).join(' x ')} `);
    const candidates = new Set<number>();
    for (let i = nextStart(a, t, 0, t.length); i >= 0; i = nextStart(a, t, i + 1, t.length)) candidates.add(i);
    let words = 0;
    for (let i = 0; i < t.length; i++) {
      if (t[i - 1] !== ' ' || !walk(a, t, i)) continue;
      words++;
      expect(candidates.has(i)).toBe(true);
    }
    expect(words).toBeGreaterThanOrEqual(50);
  });
});
