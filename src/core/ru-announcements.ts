// Russian announcements, for the claim checks (statement-ties.ts): "21 марта в МИД России сообщили,
// что Россия отказывается вести с Японией переговоры…" dates Russia's suspension of the talks by the
// day it was announced — the sources date it so — and only when Russia is the one announcing.

/** Who speaks for Russia: its foreign ministry, Russia, Moscow ("в российском МИД", "МИД РФ", "Москва"). */
const RUSSIA = String.raw`(?:(?:[Вв]\s+)?(?:МИД(?:е)?\s+(?:России|РФ)|российском\s+МИД(?:е)?)|[Рр]оссийский\s+МИД|Россия|Москва|[Рр]оссийская\s+сторона)`;
/** The announcing verb; "напомнил" (recalled) and the like are someone speaking of it later. */
const ANNOUNCED = '(?:сообщил[аи]?|заявил[аи]?|объявил[аи]?|уведомил[аи]?)';
/** After the announcer: nothing (Russia did it), the verb before a noun ("объявил о приостановке"), or the verb and "что" before Russia's act. */
const ANNOUNCING = String.raw`(?:\s+${ANNOUNCED},?\s+что(?:\s+(?:Россия|Москва|российская\s+сторона))?|\s+${ANNOUNCED})?`;

export const RU_ANNOUNCEMENT = {
  /** The event that the announcement is: suspending, leaving, refusing the talks (lower-cased). */
  event: /^(?:об?\s+)?(?:отказ|не\s+намерен|приостан|прекра|выход|вышл|вышел)/,
  /** A sentence opening with the value: then Russia and its announcing ("21 марта в российском МИД сообщили, что Россия "). */
  opening: new RegExp(String.raw`^\s*(?:года)?\s*,?\s*${RUSSIA}${ANNOUNCING}\s*$`),
  /** Russia first, then the value ("МИД России 21 марта заявил, что "). */
  subject: new RegExp(String.raw`^\s*${RUSSIA}\s+$`),
  afterSubject: new RegExp(String.raw`^\s*(?:года)?${ANNOUNCING}\s*$`),
};

/** Whether the value before the event is the day Russia announced it: "<date> <Russia> [announced, that]" or "<Russia> <date> [announced, that]". */
export function ruAnnouncedByRussia(before: string, gap: string, opens: boolean): boolean {
  const a = RU_ANNOUNCEMENT;
  return opens ? a.opening.test(gap) : a.subject.test(before) && a.afterSubject.test(gap);
}
