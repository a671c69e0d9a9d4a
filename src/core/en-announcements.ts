// English announcements, for the claim checks (statement-ties.ts): "Russia announced on 21 March
// that it would not continue peace treaty talks" dates Russia's suspension of the talks by the day
// it was announced — the sources date it so — and only when Russia is the one announcing. (A
// sentence opening with the day, "On 21 March, Russia's ministry announced that…", is read as any
// opening value.)

/** Who speaks for Russia, right before the announcing verb: "Russia", "Moscow", "Russia's Foreign Ministry", "Lavrov". */
const RUSSIA =
  "(?:russia|moscow|the kremlin|russia's (?:foreign )?ministry(?: of foreign affairs)?|the russian (?:foreign )?ministry(?: of foreign affairs)?|(?:the )?government of russia|the russian government)";
/**
 * The announcing verb and "on" before the value. Not "said", "stated" or a minister speaking:
 * "Lavrov said on 30 March that Russia would not continue the talks" may be saying so again later.
 */
const ANNOUNCED = '(?:announced|declared)';

export const EN_ANNOUNCEMENT = {
  /** Russia announcing, right before the value (lower-cased): "russia's foreign ministry said on ". */
  before: new RegExp(`(?:^|[^a-z'])${RUSSIA}\\s+${ANNOUNCED}\\s+on\\s*$`),
  /** From the value to the event: Russia's own act, announced then (" that it would ", " it was "); not "had suspended" (told later). */
  gap: /^\s*,?\s*(?:that\s+)?(?:(?:it|russia|moscow)\s+)?(?:(?:was|is|would|will)\s+)?$/,
  /** The event that the announcement is: suspending, leaving, not continuing the talks (lower-cased). */
  event: /^(?:would not continue|suspend|withdraw|cancel|pull)/,
};

/** Whether the value before the event (lower-cased text) is the day Russia announced it. */
export function enAnnouncedByRussia(before: string, gap: string, event: string): boolean {
  const a = EN_ANNOUNCEMENT;
  return a.event.test(event) && a.before.test(before) && a.gap.test(gap);
}
