import { describe, expect, it } from 'vitest';
import { createMatcher, RUN_SEPARATOR } from '../../src/core/matcher';
import { miniIndex } from './mini-corpus';

const index = miniIndex();
const matcher = createMatcher(index);
/** What fires on its own; deferred mentions wait for the page as a whole (tested below). */
const found = (text: string, pageHasContext = false) =>
  matcher
    .findAll(text, { pageHasContext })
    .filter((m) => !m.deferred)
    .map((m) => [text.slice(m.start, m.end), index.topics[m.topic]!.id]);

describe('matcher', () => {
  it('finds each alias with its topic, in document order', () => {
    expect(found('Shikotan lies near the Northern Territories.')).toEqual([
      ['Shikotan', 'shikotan'],
      ['Northern Territories', 'northern-territories'],
    ]);
  });

  it('ignores case, Latin diacritics, and dash, quote and space styles', () => {
    expect(found('northern\u00a0TERRITORIES')).toEqual([['northern\u00a0TERRITORIES', 'northern-territories']]);
    expect(found('Shinzo Abe and Shinzō Abe')).toEqual([
      ['Shinzo Abe', 'abe'],
      ['Shinzō Abe', 'abe'],
    ]);
    expect(found('the Soviet–Japanese Joint Declaration')).toEqual([['Soviet–Japanese Joint Declaration', 'joint-declaration-1956']]);
    expect(found('Hokkaido and Hokkaidō')).toHaveLength(2);
    expect(found('Northern\nTerritories')).toEqual([['Northern\nTerritories', 'northern-territories']]);
  });

  it('matches full-width forms', () => {
    expect(found('Ｓｈｉｋｏｔａｎ')).toEqual([['Ｓｈｉｋｏｔａｎ', 'shikotan']]);
  });

  it('prefers the longest alias at a position', () => {
    expect(found('the 1956 Soviet-Japanese Joint Declaration was signed')).toEqual([
      ['1956 Soviet-Japanese Joint Declaration', 'joint-declaration-1956'],
    ]);
  });

  it('respects word boundaries in Latin and Cyrillic, but not in CJK', () => {
    expect(found('Shikotanese Abeyance')).toEqual([]);
    expect(found('Northern Territories’ future, the Kurils’ coast')).toEqual([
      ['Northern Territories', 'northern-territories'],
      ['Kurils', 'kurils'],
    ]);
    expect(found('日本は北方領土の返還を求める')).toEqual([['北方領土', 'northern-territories']]);
    expect(found('Южные Курилы')).toEqual([['Южные Курилы', 'northern-territories']]);
  });

  it('follows Russian case endings on stem aliases', () => {
    expect(found('на Курильских островах, на Шикотане')).toEqual([
      ['Курильских', 'kurils'],
      ['Шикотане', 'shikotan'],
    ]);
  });

  it('finds a name glued to a parenthesis', () => {
    expect(found('Soviet-Japanese Joint Declaration(1956)')).toEqual([['Soviet-Japanese Joint Declaration', 'joint-declaration-1956']]);
  });

  it('fires an ambiguous alias only with both sides of the dispute nearby', () => {
    expect(found('Abe went fishing with friends.')).toEqual([]);
    expect(found('A Joint Declaration on trade between Canada and Mexico.')).toEqual([]);
    // One side is not enough: a Russia–Ukraine or a Japan–Korea story is not this dispute.
    expect(found('Abe met officials in Moscow.')).toEqual([]);
    expect(found('Abe gave a speech in Tokyo.')).toEqual([]);
    expect(found('Abe met Russian officials in Tokyo.')).toEqual([['Abe', 'abe']]);
    expect(found('Abe spoke about the Kuril Islands.')).toEqual([
      ['Abe', 'abe'],
      ['Kuril Islands', 'kurils'],
    ]);
    expect(found('Abe went fishing.', true)).toEqual([['Abe', 'abe']]);
  });

  it("doesn't count an alias's own words as its context", () => {
    expect(found('The Tokyo Declaration was adopted.')).toEqual([]);
    expect(found('The Tokyo Declaration was signed by Japan and Russia.')).toEqual([['Tokyo Declaration', 'tokyo-declaration-1993']]);
  });

  it('never fires on a look-alike, even in context', () => {
    expect(found('Japan and Russia: the Tokyo Declaration on African Development was adopted.')).toEqual([]);
  });

  it("reads a document named after another pair of parties as theirs, and Japan's with Moscow as the corpus's", () => {
    const inContext = (t: string) => found(t, true);
    expect(inContext('Japan and Russia aside, the Japan–South Korea Joint Declaration of 1998 mattered in Seoul.')).toEqual([]);
    expect(inContext('Japan and Russia aside, the Sino-British Joint Declaration was signed.')).toEqual([]);
    expect(inContext('Japan and Russia aside, the US-Japan Joint Declaration came first.')).toEqual([]);
    expect(inContext('Japan and Russia aside, the Korea – Japan Tokyo Declaration was signed.')).toEqual([]);
    expect(inContext('Japan and Russia: the Russia–Japan Joint Declaration was signed.')).toEqual([['Joint Declaration', 'joint-declaration-1956']]);
    expect(inContext('Japan and Russia: the Hosokawa–Yeltsin Tokyo Declaration was signed.')).toEqual([
      ['Tokyo Declaration', 'tokyo-declaration-1993'],
    ]);
    expect(inContext('Japan and Russia: the Japan–U.S.S.R. Joint Declaration was signed.')).toEqual([
      ['Joint Declaration', 'joint-declaration-1956'],
    ]);
    // A headline's dash is not a pair: one name, then a spaced dash.
    expect(inContext('Japan and Russia talks in Moscow - Joint Declaration still the basis')).toEqual([
      ['Joint Declaration', 'joint-declaration-1956'],
    ]);
    // Not a pair: a hyphenated word, or a pair that is not right before the name.
    expect(inContext('Japan and Russia: the long-awaited Joint Declaration was signed.')).toEqual([['Joint Declaration', 'joint-declaration-1956']]);
    expect(inContext('After the US-Japan talks, Japan and Russia signed the Joint Declaration.')).toEqual([
      ['Joint Declaration', 'joint-declaration-1956'],
    ]);
  });

  it('tells a bare surname from another person of that name', () => {
    const ctx = ' Japan and Russia talks.';
    expect(found(`The novelist Kobo Abe wrote it.${ctx}`)).toEqual([]);
    expect(found(`Abe Lincoln was not there.${ctx}`)).toEqual([]);
    expect(found(`Prime Minister Abe spoke.${ctx}`)).toEqual([['Abe', 'abe']]);
    expect(found(`The Abe Administration agreed.${ctx}`)).toEqual([['Abe', 'abe']]);
  });

  it('defers an ambiguous mention without context, rather than dropping it', () => {
    expect(matcher.findAll('Abe went fishing.')).toEqual([
      { start: 0, end: 3, topic: index.topics.findIndex((t) => t.id === 'abe'), alias: 'Abe', rule: 'page', deferred: true },
    ]);
    // A look-alike person is dropped outright.
    expect(matcher.findAll('The novelist Kobo Abe.')).toEqual([]);
  });

  it('says which alias matched and by which rule', () => {
    const [m] = matcher.findAll('Abe in Tokyo and Moscow');
    expect(m).toMatchObject({ alias: 'Abe', rule: 'context' });
    const [n] = matcher.findAll('Shinzo Abe');
    expect(n).toMatchObject({ alias: 'Shinzō Abe', rule: 'alias' });
  });

  it('reads texts joined by RUN_SEPARATOR as separate texts: no name, context or neighbour across it', () => {
    const joined = (...texts: string[]) => found(texts.join(RUN_SEPARATOR));
    // A two-word name split between two blocks is neither of them.
    expect(joined('the Kuril', 'Islands dispute')).toEqual([]);
    // Context in the paragraph before doesn't make an ambiguous name stand.
    expect(joined('Japan and Russia disagree.', 'Abe went fishing.')).toEqual([]);
    expect(found('Japan and Russia disagree. Abe went fishing.')).toEqual([['Abe', 'abe']]);
    // A capitalized word ending the text before is not a first name.
    expect(joined('a novel by Kobo', 'Abe met Russian officials in Tokyo.')).toEqual([['Abe', 'abe']]);
    expect(found('a novel by Kobo Abe met Russian officials in Tokyo.')).toEqual([]);
    expect(joined('the Kuril', 'Islands', 'Kuril Islands')).toEqual([['Kuril Islands', 'kurils']]);
  });

  it('finds nothing in text without aliases, and in empty text', () => {
    expect(found('A long text about the weather in Lisbon.')).toEqual([]);
    expect(found('')).toEqual([]);
  });

  it('says text may name an alias wherever a run inside it could, blocks read together included', () => {
    // An element's textContent joins its blocks: a name's neighbour may be the next block's text.
    expect(matcher.mayName('12ShikotanLR')).toBe(true);
    expect(matcher.mayName('in the Northern Territories')).toBe(true);
    expect(matcher.mayName('ШикотанаPA')).toBe(true);
    expect(matcher.mayName('A long text about the weather in Lisbon.')).toBe(false);
    expect(matcher.mayName('')).toBe(false);
  });
});
