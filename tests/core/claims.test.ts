import { describe, expect, it } from 'vitest';
import { dayApart, findCounts, findDates, mayStateValue, sameDate } from '../../src/core/claim-values';
import { checkClaims, quoteStates } from '../../src/core/claims';
import type { ClaimHead } from '../../src/core/corpus-types';
import type { Mention } from '../../src/core/matcher';

const SUMMIT = 0;
const RESOLUTION = 1;
const TOKYO = 2;
const claims: Record<number, ClaimHead[]> = {
  [SUMMIT]: [{ attribute: 'date', value: { year: 2018, month: 11, day: 14 } }],
  [RESOLUTION]: [
    { attribute: 'date', value: { month: 3, day: 2 } },
    { attribute: 'count', value: 141, units: ['states', 'member states', 'countries'] },
  ],
  // The sources disagree on this one.
  [TOKYO]: [
    { attribute: 'date', value: { year: 1993, month: 10 } },
    { attribute: 'date', value: { year: 1956 } },
  ],
};

function mention(text: string, name: string, topic: number): Mention {
  const start = text.indexOf(name);
  return { start, end: start + name.length, topic, alias: name, rule: 'alias' };
}
const check = (text: string, name: string, topic: number) =>
  checkClaims(text, [mention(text, name, topic)], claims).map((c) => [c.stated, c.verdict]);

describe('findDates', () => {
  it('reads the common ways of writing a date', () => {
    const dates = (t: string) => findDates(t).map((d) => [d.text, d.value]);
    expect(dates('on 14 November 2018')).toEqual([['14 November 2018', { day: 14, month: 11, year: 2018 }]]);
    expect(dates('on Nov. 14, 2018')).toEqual([['Nov. 14, 2018', { month: 11, day: 14, year: 2018 }]]);
    expect(dates('on November 14th, 2018')).toEqual([['November 14th, 2018', { month: 11, day: 14, year: 2018 }]]);
    expect(dates('2018年11月14日に')).toEqual([['2018年11月14日', { year: 2018, month: 11, day: 14 }]]);
    expect(dates('in October 1993')).toEqual([['October 1993', { month: 10, year: 1993 }]]);
    expect(dates('on March 21, Moscow')).toEqual([['March 21', { month: 3, day: 21 }]]);
    expect(dates('on 21 March the')).toEqual([['21 March', { day: 21, month: 3 }]]);
    expect(dates('in 1956.')).toEqual([['1956', { year: 1956 }]]);
    // Japanese era years: 平成 began in 1989 (元年, its first year), 昭和 in 1926.
    expect(dates('平成28年12月15日、')).toEqual([['平成28年12月15日', { year: 2016, month: 12, day: 15 }]]);
    expect(dates('昭和31年10月に')).toEqual([['昭和31年10月', { year: 1956, month: 10 }]]);
    expect(dates('令和元年と平成5年')).toEqual([
      ['令和元年', { year: 2019 }],
      ['平成5年', { year: 1993 }],
    ]);
    expect(dates('昭和の時代')).toEqual([]);
    expect(dates('14 ноября 2018 года')).toEqual([['14 ноября 2018', { day: 14, month: 11, year: 2018 }]]);
    expect(dates('в октябре 1993 года')).toEqual([['октябре 1993', { month: 10, year: 1993 }]]);
    expect(dates('21 марта объявил')).toEqual([['21 марта', { day: 21, month: 3 }]]);
    expect(dates('In May the weather; 20185 items; page 12')).toEqual([]);
  });
});

describe('findCounts', () => {
  it('reads numbers in digits and words before their unit', () => {
    expect(findCounts('Supported by 141 of the 193 UN member states', ['states']).map((c) => c.value)).toEqual([141]);
    expect(findCounts('the expulsion of eight Russian diplomats', ['diplomats']).map((c) => c.value)).toEqual([8]);
    expect(findCounts('1,200 diplomats', ['diplomats']).map((c) => c.value)).toEqual([1200]);
    expect(findCounts('eight hours later the diplomats left', ['diplomats'])).toEqual([]);
  });

  it('reads them whatever their case, and gives them back as written', () => {
    expect(findCounts('EIGHT Russian Diplomats were expelled', ['diplomats']).map((c) => [c.text, c.value])).toEqual([['EIGHT', 8]]);
    expect(findCounts('Eight diplomats', ['Diplomats']).map((c) => c.value)).toEqual([8]);
  });
});

describe('findCounts in Japanese', () => {
  const units = ['diplomats', 'ロシア…外交官'];
  const read = (t: string) => findCounts(t, units).map((c) => [c.text, c.value]);
  it('reads a count of people written after its noun, the noun qualified in the same phrase', () => {
    expect(read('ロシア人外交官8人を追放')).toEqual([['8人', 8]]);
    expect(read('在日ロシア大使館の外交官ら計8名の退去')).toEqual([['8名', 8]]);
  });
  it('not a count of other diplomats, nor across a particle', () => {
    expect(read('日本人外交官8人を追放')).toEqual([]);
    expect(read('ロシアが日本人外交官8人を追放')).toEqual([]);
  });
  it('reads English and Japanese units together, in order', () => {
    expect(read('eight diplomats; ロシア人外交官9人')).toEqual([
      ['eight', 8],
      ['9人', 9],
    ]);
  });
});

describe('mayStateValue', () => {
  it('passes every sentence a date or a count can be read in', () => {
    for (const t of ['signed in 1956', '平成元年に', 'Eight diplomats were expelled', 'twenty states', '2018年11月14日'])
      expect(mayStateValue(t)).toBe(true);
  });

  it('passes over sentences with neither, and number words inside other words', () => {
    for (const t of ['The Tokyo Declaration remains the basis of the talks.', 'Someone said it, often.', '北方領土問題', 'Лавров заявил'])
      expect(mayStateValue(t)).toBe(false);
  });
});

describe('sameDate', () => {
  it('compares only the parts both dates give', () => {
    expect(sameDate({ year: 2018, month: 11, day: 14 }, { year: 2018, month: 11 })).toBe(true);
    expect(sameDate({ year: 2018, month: 11, day: 14 }, { month: 11, day: 15 })).toBe(false);
    expect(sameDate({ month: 3, day: 2 }, { year: 2022 })).toBeNull();
    expect(sameDate({ day: 2 }, { day: 2 })).toBeNull();
  });
});

describe('dayApart', () => {
  it('finds dates a day apart across a month, a year, and in a year given by one side only', () => {
    expect(dayApart({ month: 8, day: 8 }, { year: 1945, month: 8, day: 9 })).toBe(true);
    expect(dayApart({ month: 8, day: 31 }, { month: 9, day: 1 })).toBe(true);
    expect(dayApart({ year: 1991, month: 12, day: 31 }, { year: 1992, month: 1, day: 1 })).toBe(true);
    expect(dayApart({ year: 2024, month: 2, day: 28 }, { month: 3, day: 1 })).toBe(false);
    expect(dayApart({ year: 2023, month: 2, day: 28 }, { month: 3, day: 1 })).toBe(true);
  });

  it('never takes a day a month doesn’t have for its neighbour (29 February 2022 is not 1 March)', () => {
    expect(dayApart({ year: 2022, month: 2, day: 29 }, { month: 3, day: 2 })).toBe(false);
    expect(dayApart({ year: 2022, month: 2, day: 31 }, { month: 3, day: 2 })).toBe(false);
    expect(dayApart({ month: 2, day: 29 }, { month: 3, day: 2 })).toBe(false);
    expect(dayApart({ month: 4, day: 31 }, { month: 5, day: 2 })).toBe(false);
  });

  it('puts a date without a year in the other’s year or either side of it', () => {
    expect(dayApart({ month: 12, day: 31 }, { year: 1992, month: 1, day: 1 })).toBe(true);
    expect(dayApart({ month: 1, day: 1 }, { year: 1991, month: 12, day: 31 })).toBe(true);
    expect(dayApart({ month: 2, day: 28 }, { year: 2024, month: 3, day: 1 })).toBe(false);
    expect(dayApart({ month: 2, day: 29 }, { year: 2024, month: 3, day: 1 })).toBe(true);
    expect(dayApart({ year: 1991, month: 12, day: 31 }, { month: 1, day: 1 })).toBe(true);
    // Neither gives a year: a day apart in some year is enough (28 February and 1 March, in 2001).
    expect(dayApart({ month: 2, day: 28 }, { month: 3, day: 1 })).toBe(true);
    expect(dayApart({ month: 2, day: 27 }, { month: 3, day: 1 })).toBe(false);
  });

  it('not two days apart, a year apart, or dates without a day', () => {
    expect(dayApart({ month: 8, day: 7 }, { month: 8, day: 9 })).toBe(false);
    expect(dayApart({ year: 1946, month: 8, day: 8 }, { year: 1945, month: 8, day: 9 })).toBe(false);
    expect(dayApart({ year: 1945, month: 8 }, { year: 1945, month: 8, day: 9 })).toBe(false);
    expect(dayApart({ day: 8 }, { month: 8, day: 9 })).toBe(false);
    expect(dayApart({ month: 8, day: 9 }, { month: 8, day: 9 })).toBe(false);
  });
});

describe('checkClaims', () => {
  it('leaves alone a date a day off the sources’, which may be the same moment in another time zone', () => {
    expect(check('The Singapore summit took place on Nov. 15, 2018.', 'Singapore summit', SUMMIT)).toEqual([]);
    expect(check('The Singapore summit took place on 13 November 2018.', 'Singapore summit', SUMMIT)).toEqual([]);
    // Not even against another source's date it is far from: the statement is one of the first's.
    const twoSources: Record<number, ClaimHead[]> = {
      [SUMMIT]: [
        { attribute: 'date', value: { year: 2018, month: 11, day: 14 } },
        { attribute: 'date', value: { year: 2018, month: 7, day: 14 } },
      ],
    };
    const text = 'The Singapore summit took place on 15 November 2018.';
    expect(checkClaims(text, [mention(text, 'Singapore summit', SUMMIT)], twoSources)).toEqual([]);
  });

  it('reads a date a day off a claim without a year in the source’s year, and a day a month lacks as wrong', () => {
    const judge = (text: string, heads: ClaimHead[]) =>
      checkClaims(text, [mention(text, 'resolution', RESOLUTION)], { [RESOLUTION]: heads }).map((c) => [c.stated, c.verdict]);
    const leap: ClaimHead[] = [{ attribute: 'date', value: { month: 3, day: 1 }, sourceYear: 2024 }];
    expect(judge('The resolution was adopted on 28 February.', leap)).toEqual([['28 February', 'conflict']]);
    expect(judge('The resolution was adopted on 29 February.', leap)).toEqual([]);
    const es111: ClaimHead[] = [{ attribute: 'date', value: { month: 3, day: 2 }, sourceYear: 2022 }];
    expect(judge('The resolution was adopted on 29 February 2022.', es111)).toEqual([['29 February 2022', 'conflict']]);
    expect(judge('The resolution was adopted on 31 February.', es111)).toEqual([['31 February', 'conflict']]);
    expect(judge('The resolution was adopted on 3 March.', es111)).toEqual([]);
  });

  it('calls a wrong date a conflict, in any format', () => {
    expect(check('The Singapore summit took place on 14 July 2018.', 'Singapore summit', SUMMIT)).toEqual([['14 July 2018', 'conflict']]);
    expect(check('The Singapore summit took place on Nov. 16, 2018.', 'Singapore summit', SUMMIT)).toEqual([['Nov. 16, 2018', 'conflict']]);
    expect(check('シンガポール首脳会談は2018年12月14日に行われた。', 'シンガポール首脳会談', SUMMIT)).toEqual([['2018年12月14日', 'conflict']]);
  });

  it('confirms a right one', () => {
    expect(check('The Singapore summit took place on 14 November 2018.', 'Singapore summit', SUMMIT)).toEqual([['14 November 2018', 'agrees']]);
    expect(check('The Singapore summit, in November 2018, changed the talks.', 'Singapore summit', SUMMIT)).toEqual([['November 2018', 'agrees']]);
  });

  it('says the sources disagree instead of calling the page wrong', () => {
    expect(check('The Tokyo Declaration of 1956 is the basis.', 'Tokyo Declaration', TOKYO)).toEqual([['1956', 'disputed']]);
    expect(check('The Tokyo Declaration was signed in 1993.', 'Tokyo Declaration', TOKYO)).toEqual([['1993', 'disputed']]);
    expect(check('The Tokyo Declaration was signed in 1995.', 'Tokyo Declaration', TOKYO)).toEqual([['1995', 'conflict']]);
  });

  it('checks numbers against their unit', () => {
    expect(check('The resolution was backed by 143 member states.', 'resolution', RESOLUTION)).toEqual([['143', 'conflict']]);
    expect(check('The resolution was backed by 141 countries.', 'resolution', RESOLUTION)).toEqual([['141', 'agrees']]);
  });

  it('ties a value in a clause about the event itself, and a Russian count after the verb of its object', () => {
    expect(check('ES-11/1, which was adopted on 4 March, condemned the invasion.', 'ES-11/1', RESOLUTION)).toEqual([['4 March', 'conflict']]);
    const ru: Record<number, ClaimHead[]> = { [RESOLUTION]: [{ attribute: 'count', value: 141, units: ['страна', 'стран', 'государств'] }] };
    const judge = (text: string) => checkClaims(text, [mention(text, 'Резолюцию', RESOLUTION)], ru).map((c) => [c.stated, c.verdict]);
    expect(judge('Резолюцию в Генеральной Ассамблее ООН поддержали 145 стран.')).toEqual([['145', 'conflict']]);
    // Those who abstained are not a second count of those in favour.
    expect(judge('Резолюцию поддержала 141 страна, 35 государств воздержались.')).toEqual([['141', 'agrees']]);
    expect(judge('Резолюцию обсуждали 145 стран.')).toEqual([]);
  });

  it('judges an event written without its name against claims checked through its names only', () => {
    const entry: Record<number, ClaimHead[]> = {
      [SUMMIT]: [{ attribute: 'date', value: { year: 1945, month: 8, day: 9 }, via: ['entered the war against Japan'] }],
    };
    const USSR = 5;
    const events = [{ topic: SUMMIT, phrases: ['invaded Manchuria'], with: [USSR] }];
    const judge = (text: string) => checkClaims(text, [mention(text, 'Soviet Union', USSR)], entry, events).map((c) => [c.stated, c.verdict]);
    expect(judge('The Soviet Union invaded Manchuria on 12 August 1945.')).toEqual([['12 August 1945', 'conflict']]);
    expect(judge('The Soviet Union declared war on Japan and invaded Manchuria on 12 August 1945.')).toEqual([]);
  });

  it('leaves alone what it cannot judge', () => {
    // Two dates in one sentence, both tied to the summit: which one is its date?
    const both = 'Was it the Singapore summit of 14 July 2018 or the Singapore summit of 14 November 2018?';
    const second = both.lastIndexOf('Singapore summit');
    const summits = [mention(both, 'Singapore summit', SUMMIT), { ...mention(both, 'Singapore summit', SUMMIT), start: second, end: second + 16 }];
    expect(checkClaims(both, summits, claims)).toEqual([]);
    // A range: its first day is the event's by some convention, not necessarily the sources'.
    expect(check('The Singapore summit (14 July – 15 July 2018) changed the talks.', 'Singapore summit', SUMMIT)).toEqual([]);
    // A date in another sentence, or no topic mentioned at all.
    expect(check('The Singapore summit mattered. Elections were held on 3 May 2020.', 'Singapore summit', SUMMIT)).toEqual([]);
    expect(checkClaims('Elections were held on 3 May 2020.', [], claims)).toEqual([]);
    // A date without anything in common with the claim (a year against a month and day).
    expect(check('The resolution was adopted in 2022.', 'resolution', RESOLUTION)).toEqual([]);
  });

  it('judges the one date of a sentence that is tied to the event, and leaves the others alone', () => {
    expect(check('The Singapore summit of 14 July 2018 was recalled on 3 May 2020.', 'Singapore summit', SUMMIT)).toEqual([
      ['14 July 2018', 'conflict'],
    ]);
    expect(check('In 2020 a book recalled that the Singapore summit was held on 14 November 2018.', 'Singapore summit', SUMMIT)).toEqual([
      ['14 November 2018', 'agrees'],
    ]);
  });

  it("reads a date the source gives without a year in the source's own year, and no other", () => {
    const dated: Record<number, ClaimHead[]> = { [RESOLUTION]: [{ attribute: 'date', value: { month: 3, day: 2 }, sourceYear: 2022 }] };
    const judge = (text: string, by = dated) => checkClaims(text, [mention(text, 'resolution', RESOLUTION)], by).map((c) => [c.stated, c.verdict]);
    expect(judge('The resolution was adopted on 5 March 2022.')).toEqual([['5 March 2022', 'conflict']]);
    expect(judge('The resolution was adopted on 2 March 2022.')).toEqual([['2 March 2022', 'agrees']]);
    // Another year's resolution, perhaps: not judged; nor where the source's own year is unknown.
    expect(judge('The resolution was adopted on 5 March 2023.')).toEqual([]);
    expect(judge('The resolution was adopted on 5 March 2022.', claims)).toEqual([]);
  });

  it('judges a statement only against the topic it is nearest to', () => {
    const text = 'In 2018 the Singapore agreement moved the talks away from the Tokyo Declaration.';
    const agreement = { ...mention(text, 'Singapore agreement', 9) };
    expect(checkClaims(text, [agreement, mention(text, 'Tokyo Declaration', TOKYO)], claims)).toEqual([]);
  });

  it('does not judge a year that is part of the name itself', () => {
    const text = 'The 1956 Declaration was reaffirmed.';
    expect(checkClaims(text, [mention(text, '1956 Declaration', TOKYO)], claims)).toEqual([]);
  });
});

describe('quoteStates', () => {
  it('tells whether a quote states a claimed value', () => {
    expect(quoteStates('during a meeting in Singapore on November 14, 2018', { attribute: 'date', value: { year: 2018, month: 11, day: 14 } })).toBe(
      true,
    );
    expect(quoteStates('during a meeting in Singapore on November 14, 2018', { attribute: 'date', value: { year: 2018, month: 11, day: 15 } })).toBe(
      false,
    );
    expect(quoteStates('the expulsion of eight Russian diplomats', { attribute: 'count', value: 8, units: ['diplomats'] })).toBe(true);
    expect(quoteStates('the expulsion of eight Russian diplomats', { attribute: 'count', value: 9, units: ['diplomats'] })).toBe(false);
  });
});
