// An event told from its body's other acts by its own date (claimEvents "dated"): the body, its
// act and that date in one clause; a count judged only as the votes for that act.
import { describe, expect, it } from 'vitest';
import type { ClaimEventHead, ClaimHead } from '../../src/core/corpus-types';
import { datedValues } from '../../src/core/dated-events';

const VOTE = 0;
const events: ClaimEventHead[] = [{ topic: VOTE, phrases: ['General Assembly', '国連総会', 'Генассамблея'], with: [], dated: true }];
const claims: Record<number, ClaimHead[]> = {
  [VOTE]: [
    { attribute: 'date', value: { month: 3, day: 2 }, sourceYear: 2022 },
    { attribute: 'count', value: 141, units: ['votes', 'states'] },
  ],
};

/** The values judged, as "stated:same". */
const judged = (sentence: string) =>
  datedValues(sentence, [], events, claims).map((v) => `${v.value.text}:${v.compared.every((c) => c.same) ? 'agrees' : 'conflict'}`);

describe('an event told by its date', () => {
  it('reads the date and the count of votes of the body’s act on that date', () => {
    expect(judged('The General Assembly adopted the text on 2 March 2022 by 141 votes.')).toEqual(['2 March 2022:agrees', '141:agrees']);
    expect(judged('On 2 March, the General Assembly voted 139 to 5 for the text.')).toEqual(['2 March:agrees', '139:conflict']);
    expect(judged('The text was adopted by the General Assembly on March 2 with 150 states voting in favour.')).toEqual([
      'March 2:agrees',
      '150:conflict',
    ]);
    expect(judged('国連総会は3月2日、決議を賛成141の圧倒的多数で採択した。')).toEqual(['3月2日:agrees', '141:agrees']);
    expect(judged('国連総会は2022年3月2日、決議案を140カ国の賛成で採択した。')).toEqual(['2022年3月2日:agrees', '140:conflict']);
    expect(judged('2 марта 2022 года Генассамблея приняла резолюцию, за неё проголосовали 141 страна.')).toEqual(['2 марта 2022:agrees']);
    expect(judged('2 марта 2022 года Генассамблея поддержала резолюцию: 141 страна.')).toEqual(['2 марта 2022:agrees']);
  });

  it('says nothing without the event’s own date, with another year, or with another date in the sentence', () => {
    expect(judged('The General Assembly adopted the text by 141 votes.')).toEqual([]);
    expect(judged('The General Assembly adopted the text on 23 February 2023 by 141 votes.')).toEqual([]);
    expect(judged('The General Assembly adopted the text on 2 March 2023 by 141 votes.')).toEqual([]);
    expect(judged('The General Assembly adopted the text on 5 March 2022 by 141 votes.')).toEqual([]);
    expect(judged('On 24 March 2022 the General Assembly adopted a text by 140 votes, after its vote on 2 March.')).toEqual([]);
    expect(judged('国連総会は2日、決議を141カ国の賛成で採択した。')).toEqual([]);
    expect(judged('国連総会は3月2日に続き、10月12日にも143カ国の賛成で決議を採択した。')).toEqual([]);
  });

  it('says nothing where the body, its act and the date stand in different clauses', () => {
    expect(judged('On 2 March 2022 Japan welcomed the text, which the General Assembly adopted by 141 votes.')).toEqual([]);
    expect(judged('The General Assembly, weeks after its vote on 2 March 2022, adopted another text by 140 votes.')).toEqual([]);
    expect(judged('国連総会が3月2日に採択した決議の後、140カ国が賛成した別の決議が採択された。')).toEqual(['3月2日:agrees']);
  });

  it('takes the date only as the act’s own ("on 2 March", not "after its vote of 2 March"), and no count of those against', () => {
    expect(judged('A year after its vote of 2 March 2022 the General Assembly adopted a text with 143 votes.')).toEqual([]);
    expect(judged('Since 2 March 2022 the General Assembly has adopted texts with 143 votes.')).toEqual([]);
    expect(judged('国連総会は3月2日の決議に続き、決議を143カ国の賛成で採択した。')).toEqual([]);
    expect(judged('On 2 March 2022 the General Assembly adopted the text with 5 votes against.')).toEqual(['2 March 2022:agrees']);
    expect(judged('2 марта 2022 года против резолюции Генассамблея проголосовали 5 стран.')).toEqual(['2 марта 2022:agrees']);
  });
});
