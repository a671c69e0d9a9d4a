import type { Claim, DateParts } from '../core/corpus-types';

/** A date as precise as its source, in the UI's language: "14 November 2018", "21 March", "1956". */
export function formatDateParts(d: DateParts, lang: string): string {
  if (d.month === undefined) return String(d.year ?? '');
  const date = new Date(Date.UTC(d.year ?? 2000, d.month - 1, d.day ?? 1));
  return new Intl.DateTimeFormat(lang, {
    timeZone: 'UTC',
    month: 'long',
    ...(d.day !== undefined && { day: 'numeric' }),
    ...(d.year !== undefined && { year: 'numeric' }),
  }).format(date);
}

export function formatClaimValue(c: Claim, lang: string): string {
  return c.attribute === 'date' ? formatDateParts(c.value, lang) : `${c.value.toLocaleString(lang)} ${c.units[0] ?? ''}`.trim();
}
