import { describe, expect, it } from 'vitest';
import { isHost, isObj, isStrings, isText, isTexts } from '../../src/core/guards';
import { isCorpusId } from '../../src/core/ids';

describe('guards', () => {
  it('isObj: plain objects only', () => {
    expect([{}, { a: 1 }].map(isObj)).toEqual([true, true]);
    expect([null, undefined, [], 'x', 1].map(isObj)).toEqual([false, false, false, false, false]);
  });

  it('isText: a string with something besides whitespace', () => {
    expect(['x', ' x '].map(isText)).toEqual([true, true]);
    expect(['', '  \n', 1, null].map(isText)).toEqual([false, false, false, false]);
  });

  it('isStrings and isTexts: any strings, or only ones with text', () => {
    expect([[], ['a', '']].map(isStrings)).toEqual([true, true]);
    expect([['a', 1], 'a'].map(isStrings)).toEqual([false, false]);
    expect([[], ['a', 'b']].map(isTexts)).toEqual([true, true]);
    expect([['a', ''], ['a', ' '], ['a', 1], 'a'].map(isTexts)).toEqual([false, false, false, false]);
  });

  it('isHost: letters, digits, dots and hyphens, 253 characters at most', () => {
    expect(['example.com', 'EXAMPLE.com', 'a-b.c', 'a'.repeat(253)].map(isHost)).toEqual([true, true, true, true]);
    expect(['', 'a'.repeat(254), 'exa mple.com', 'example.com/', 'ex_ample.com', 7].map(isHost)).toEqual([false, false, false, false, false, false]);
  });

  it('isCorpusId: lower-case words joined by single hyphens', () => {
    expect(['kurils', 'joint-declaration-1956'].map(isCorpusId)).toEqual([true, true]);
    expect(['', 'Kurils', 'a--b', '-a', 'a-', 'a b', 1].map(isCorpusId)).toEqual([false, false, false, false, false, false, false]);
  });
});
