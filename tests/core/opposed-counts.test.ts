// Counts of those against or abstaining are never read as a vote's supporters.
import { describe, expect, it } from 'vitest';
import { countsOpposed } from '../../src/core/opposed-counts';

const at = (sentence: string, count: string) => {
  const start = sentence.indexOf(count);
  return countsOpposed(sentence, { start, end: start + count.length });
};

describe('countsOpposed', () => {
  it('finds those against or abstaining, after the count or before it in its clause', () => {
    expect(at('The text was adopted with 5 votes against.', '5')).toBe(true);
    expect(at('Резолюцию поддержала 141 страна, 35 государств воздержались.', '35')).toBe(true);
    expect(at('Против резолюции проголосовали 5 стран.', '5')).toBe(true);
    expect(at('賛成141、反対5で採択された。', '5')).toBe(true);
  });

  it('not those in favour, nor the title of the resolution', () => {
    expect(at('The text was adopted by 141 votes to 5.', '141')).toBe(false);
    expect(at('Резолюцию «Агрессия против Украины» поддержала 141 страна.', '141')).toBe(false);
    expect(at('The resolution "Aggression against Ukraine" was backed by 141 states.', '141')).toBe(false);
    expect(at('反対5、賛成141で採択された。', '141')).toBe(false);
  });
});
