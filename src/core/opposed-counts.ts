// Counts of those who voted against or abstained: never the count of a vote's supporters.

import { lowerKeepingLength } from './text-fold';

/**
 * Those who voted against or abstained, after the count ("35 государств воздержались", "5 votes
 * against") or before it in its clause ("против резолюции проголосовали 5 стран", "反対5"): not a
 * count of those in favour, nor a second one. "Агрессия против Украины", "Aggression against Ukraine" is a
 * title, not a vote. Read lower-cased.
 */
const OPPOSED_AFTER =
  /^\s+(?:[^\s,.;]+\s+)?(?:воздержал[а-яё]*|проголосовал[аи]? против|против|abstained|abstaining|abstentions?|against|opposed)(?![\p{L}])/u;
const OPPOSED_BEFORE = /(?:против(?!\s+украин)|воздержал|(?<!aggression\s)against(?!\s+ukrain)|opposed|abstain|反対|棄権)[^,.;:、。]*$/u;

export function countsOpposed(sentence: string, count: { start: number; end: number }): boolean {
  return OPPOSED_AFTER.test(sentence.slice(count.end)) || OPPOSED_BEFORE.test(lowerKeepingLength(sentence.slice(0, count.start)));
}
