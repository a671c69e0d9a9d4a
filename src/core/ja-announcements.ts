// Japanese announcements, for the claim checks (statement-ties.ts): "ロシア外務省は21日、…平和条約交渉を
// 打ち切ると発表した" dates Russia's suspension of the talks by the day it was announced, and only
// when Russia is the one announcing.

/**
 * Japanese announcements ("ロシア外務省は21日、…平和条約交渉を打ち切ると発表した"): the one kind of event the
 * sources date by its announcement (Russia's suspension of the talks), read apart from the
 * patterns of each kind of value.
 */
export const JA_ANNOUNCEMENT = {
  /** Japanese: who did it, opening the sentence before the value ("ロシア外務省は21日、…"). */
  jaSubject: /^[^、。「」]{1,20}(?:は|が)$/,
  /**
   * Japanese: an event named with its verb, announced ("…交渉を打ち切ると発表した", "…の中断を表明",
   * "…を拒否する方針を表明した"), ending the clause, alone or with what else was announced with it
   * ("…交渉を停止するとともに、…交流を一時停止すると発表した"): the announcement is the event.
   */
  jaAnnounced:
    /^(?:する|した|し|る)?(?:とともに、(?:(?!と[しす]|発表|表明|通告)[^。、「」])*?)?(?:と|ことを|を|方針を)(?:一方的に)?(?:発表|表明|通告)(?:した|しました|し|する)?(?=。|$|、(?!と))/,
  /**
   * A clause giving the announcement's reason, with a subject of its own ("日本が…制裁を導入した
   * ことを受け、", "…を理由に、"): not the announcer.
   */
  jaReason: /(?:ことを受け|を受け|を理由に|に対抗し|への対抗措置とし)て?、/g,
  /**
   * …only an event whose name holds its own verb ("…交渉を中断", "…の打ち切り"): announcing it is
   * the event. A noun event announced ("対日参戦を通告した" on 8 August, the war on the 9th) is not.
   */
  jaAnnouncedEvent: /(?:中断|打ち切る|打ち切り|拒否|停止)$/,
  /** A subject particle after a noun ("ロシアが", "日本政府は", "ロシア側が", "岸田政権も"). */
  jaSubjectMark: /[\p{sc=Han}\p{sc=Katakana}ー](?:は|が|も)/gu,
  /** The announcer is Russia's ("ロシア外務省は", "露外務省は", "ロシアのガルージン外務次官は"). */
  jaRussian: /ロシア|露/,
};

/**
 * Who announced: the subject before the value ("ロシア外務省は21日、…"), none in the clause after it
 * but in a reason given first ("…21日、日本が…制裁を導入したことを受け、…と発表した"), or (a
 * sentence opening with the value) the one subject in that clause ("3月21日、ロシア外務省は…").
 * Another subject makes the date someone else's ("日本政府は3月25日、ロシアが…と発表し、…抗議した").
 */
export function announcedByRussia(before: string, gap: string, opens: boolean): boolean {
  const a = JA_ANNOUNCEMENT;
  if (opens) {
    const marks = [...gap.matchAll(a.jaSubjectMark)];
    return marks.length === 1 && a.jaRussian.test(gap.slice(0, marks[0]!.index! + 2));
  }
  const reasons = [...gap.matchAll(a.jaReason)];
  const last = reasons[reasons.length - 1];
  const own = last ? gap.slice(last.index! + last[0].length) : gap;
  return own.search(a.jaSubjectMark) < 0 && a.jaRussian.test(before);
}
