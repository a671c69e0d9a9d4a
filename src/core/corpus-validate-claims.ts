// Validating a topic's checkable claims and the phrases that stand for its event (claimEvents):
// a claim's quote must state the claimed value, as the claim checker reads it.

import { quoteStates } from './claims';
import type { Claim, ClaimEventRule } from './corpus-types';
import { type QuoteContext, type Reporter, requireText, validateQuotes } from './corpus-validate-fields';
import { isObj, isText, isTexts, type Obj } from './guards';
import { isCorpusId } from './ids';
import { UPPER_LETTERS } from './regexp';
import { normalizeForQuote } from './text-fold';

/** A phrase naming its own subject opens with a capitalized word ("Japan expelled"). */
const OPENS_CAPITALIZED = new RegExp(`^[${UPPER_LETTERS}]`);

export function validateClaimEvents(v: unknown, r: Reporter): ClaimEventRule[] | null {
  if (!Array.isArray(v) || v.length === 0) {
    r.fail('claimEvents', 'must be a non-empty array of { "phrases": [...], "with": [topic ids] }');
    return null;
  }
  const rules: ClaimEventRule[] = [];
  v.forEach((e, i) => {
    const p = `claimEvents[${i}]`;
    if (!isObj(e)) return r.fail(p, 'must be an object with "phrases" and "with"');
    // A phrase needs words of its own: "…" alone would stand for the event anywhere.
    const hasWords = (x: unknown) => isText(x) && x.replace(/…/g, '').trim() !== '';
    const phrases = Array.isArray(e.phrases) && e.phrases.length > 0 && e.phrases.every(hasWords) ? (e.phrases as string[]) : null;
    const partners = Array.isArray(e.with) && e.with.every(isCorpusId) ? e.with : null;
    if (!phrases) r.fail(`${p}.phrases`, 'must be a non-empty array of phrases');
    // Without partners a phrase would stand for the event in any sentence ("met in Singapore"),
    // unless it names its own subject, a capitalized word opening it ("Japan expelled"), and is
    // then read only at a sentence's start (claim-events.ts).
    const ownSubject = (x: string) => OPENS_CAPITALIZED.test(x);
    // A dated entry's phrases name the body that acts ("General Assembly", "国連総会"): the event's
    // own date, stated with them, is what tells it from the body's other acts (dated-events.ts).
    const dated = e.dated === true;
    if (e.dated !== undefined && !dated) r.fail(`${p}.dated`, 'must be true (or left out)');
    if (!partners || (partners.length === 0 && !dated && phrases && !phrases.every(ownSubject)))
      r.fail(
        `${p}.with`,
        'must list the topic ids every sentence must also mention (or every phrase must open with its own subject: "Japan expelled")',
      );
    // An act that recurs in other years ("invaded Manchuria": 1929 too) is judged only in the claim's year.
    if (e.recurs !== undefined && e.recurs !== true) r.fail(`${p}.recurs`, 'must be true (or left out)');
    const flags = { ...(dated && { dated: true as const }), ...(e.recurs === true && { recurs: true as const }) };
    if (phrases && partners && (dated || e.dated === undefined) && (e.recurs === undefined || e.recurs === true))
      rules.push({ phrases, with: partners, ...flags });
  });
  return rules.length === v.length ? rules : null;
}

const int = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

export function validateClaim(c: Obj, p: string, r: Reporter, ctx: QuoteContext): Claim | null {
  const label = requireText(c, 'label', r, `${p}.label`);
  const [quote] = validateQuotes([c.quote], `${p}.quote`, r, ctx);
  if (!quote) return null;
  let claim: Claim | null = null;
  if (c.attribute === 'date') {
    const v = isObj(c.value) ? c.value : {};
    const value = {
      ...(v.year !== undefined && { year: v.year }),
      ...(v.month !== undefined && { month: v.month }),
      ...(v.day !== undefined && { day: v.day }),
    };
    const ok =
      (v.year === undefined || int(v.year, 1800, 2100)) &&
      (v.month === undefined || int(v.month, 1, 12)) &&
      (v.day === undefined || int(v.day, 1, 31)) &&
      (v.year !== undefined || v.month !== undefined) &&
      (v.day === undefined || v.month !== undefined);
    if (!isObj(c.value) || !ok) r.fail(`${p}.value`, 'must be { year?, month?, day? } with a year or a month (and a month for a day)');
    else claim = { attribute: 'date', label, value: value as Claim['value'] & object, quote } as Claim;
  } else if (c.attribute === 'count') {
    if (!int(c.value, 0, 1e9)) r.fail(`${p}.value`, 'must be a whole number');
    else if (!isTexts(c.units) || c.units.length === 0) r.fail(`${p}.units`, 'must list the words the number counts ("diplomats")');
    else claim = { attribute: 'count', label, value: c.value, units: c.units, quote };
  } else {
    r.fail(`${p}.attribute`, 'must be "date" or "count"');
  }
  if (
    claim &&
    !quoteStates(
      normalizeForQuote(quote.text),
      claim.attribute === 'date' ? { attribute: 'date', value: claim.value } : { attribute: 'count', value: claim.value, units: claim.units },
    )
  )
    r.fail(`${p}.quote`, 'does not state the claimed value');
  return claim;
}

/**
 * A dated entry (ClaimEventRule.dated) is read only through its topic's date: the topic needs a
 * date claim giving a month and a day, the date a sentence must state for the phrase to count.
 */
export function validateDatedEvents(rules: readonly ClaimEventRule[], claims: readonly Claim[] | undefined, r: Reporter): boolean {
  const dayClaim = claims?.some((c) => c.attribute === 'date' && c.value.month !== undefined && c.value.day !== undefined);
  let ok = true;
  rules.forEach((e, i) => {
    if (!e.dated || dayClaim) return;
    r.fail(`claimEvents[${i}].dated`, 'needs a date claim on the topic giving a month and a day (the date that tells this event from the others)');
    ok = false;
  });
  return ok;
}
