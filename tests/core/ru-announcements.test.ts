// Russia's suspension of the talks dated by the day Russia announced it, as Russian news writes it.
import { describe, expect, it } from 'vitest';
import { RU_ANNOUNCEMENT, ruAnnouncedByRussia } from '../../src/core/ru-announcements';

describe('Russian announcements', () => {
  it('take the day Russia, its ministry or Moscow announced the act', () => {
    expect(ruAnnouncedByRussia('', ' в российском МИД сообщили, что Россия ', true)).toBe(true);
    expect(ruAnnouncedByRussia('', ' года Москва ', true)).toBe(true);
    expect(ruAnnouncedByRussia('МИД РФ ', ' года объявил ', false)).toBe(true);
    expect(ruAnnouncedByRussia('Российский МИД ', ' заявил, что ', false)).toBe(true);
  });

  it('not the day someone else spoke of it, or recalled it later', () => {
    expect(ruAnnouncedByRussia('', ' Япония заявила, что Россия ', true)).toBe(false);
    expect(ruAnnouncedByRussia('', ' МИД России напомнил, что Россия ', true)).toBe(false);
    expect(ruAnnouncedByRussia('Токио ', ' заявил, что ', false)).toBe(false);
    expect(ruAnnouncedByRussia('По данным агентства от ', ', Россия ', false)).toBe(false);
  });

  it('only for suspending, leaving or refusing the talks', () => {
    expect(RU_ANNOUNCEMENT.event.test('отказывается вести с японией переговоры')).toBe(true);
    expect(RU_ANNOUNCEMENT.event.test('о приостановке переговоров')).toBe(true);
    expect(RU_ANNOUNCEMENT.event.test('провели переговоры')).toBe(false);
  });
});
