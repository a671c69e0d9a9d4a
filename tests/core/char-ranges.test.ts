// The matcher's character classes are tables (compiling a `\p{…}` RegExp costs a page
// milliseconds): each must say exactly what its RegExp says, for every UTF-16 code unit.
import { describe, expect, it } from 'vitest';
import { CLASSES, rangesOf } from '../../scripts/char-ranges.mjs';
import { SPACED_RANGES, WORD_RANGES } from '../../src/core/char-ranges';
import { isSpacedCode, isWordCode } from '../../src/core/automaton';

const decode = (table: string) => Array.from(table, (ch) => ch.charCodeAt(0));

describe('character-class tables', () => {
  it('are what scripts/char-ranges.mjs writes from their RegExps (run it if this fails)', () => {
    expect(decode(WORD_RANGES)).toEqual(rangesOf(CLASSES.WORD_RANGES.source));
    expect(decode(SPACED_RANGES)).toEqual(rangesOf(CLASSES.SPACED_RANGES.source));
  });

  it('answer like the RegExps for every code unit', () => {
    const word = /[\p{L}\p{N}]/u;
    const spaced = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}]/u;
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (isWordCode(code) !== word.test(ch)) wrong.push(`word U+${code.toString(16)}`);
      if (isSpacedCode(code) !== spaced.test(ch)) wrong.push(`spaced U+${code.toString(16)}`);
    }
    expect(wrong).toEqual([]);
    expect([isWordCode('ё'.charCodeAt(0)), isWordCode('国'.charCodeAt(0)), isSpacedCode('国'.charCodeAt(0)), isWordCode(NaN)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
