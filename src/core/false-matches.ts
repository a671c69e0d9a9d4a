// "Wrong match": a reader's record that an alias named something else on a site. Recorded
// alias-and-topic pairs stop firing on that site; the options page lists and clears them.

import { isCorpusId } from './ids';
import { fold } from './text-fold';
import { isHost, isObj, isText } from './guards';

export const FALSE_MATCHES_KEY = 'falseMatches';

export interface FalseMatch {
  /** The site (hostname without "www.") where it was reported. */
  site: string;
  /** The alias that matched, as the corpus writes it (what the tooltip shows as "Matched “…”"). */
  alias: string;
  topicId: string;
  /** ISO 8601. */
  at: string;
}

/** What identifies a false match: the same alias (as folded) for the same topic on the same site. */
const keyOf = (m: Pick<FalseMatch, 'site' | 'alias' | 'topicId'>): string => `${m.site}\u0000${m.topicId}\u0000${fold(m.alias)}`;

/** The key a mention is looked up by on one site. */
export const mentionKey = (topicId: string, alias: string): string => `${topicId}\u0000${fold(alias)}`;

/** The recorded pairs for one site, as mentionKey()s. */
export function falseMatchesOn(list: readonly FalseMatch[], site: string | null): Set<string> {
  return new Set(site === null ? [] : list.filter((m) => m.site === site).map((m) => mentionKey(m.topicId, m.alias)));
}

export const sameFalseMatch = (a: FalseMatch, b: Pick<FalseMatch, 'site' | 'alias' | 'topicId'>): boolean => keyOf(a) === keyOf(b);

export function withFalseMatch(list: readonly FalseMatch[], m: FalseMatch): FalseMatch[] {
  return list.some((x) => sameFalseMatch(x, m)) ? [...list] : [...list, m];
}

export function withoutFalseMatch(list: readonly FalseMatch[], m: Pick<FalseMatch, 'site' | 'alias' | 'topicId'>): FalseMatch[] {
  return list.filter((x) => !sameFalseMatch(x, m));
}

/** As stored; entries that don't validate are dropped, a corrupt value is an empty list. */
export function parseFalseMatches(raw: unknown): FalseMatch[] {
  if (!Array.isArray(raw)) return [];
  let out: FalseMatch[] = [];
  for (const v of raw) {
    if (!isObj(v)) continue;
    const { site, alias, topicId, at } = v;
    if (!isHost(site)) continue;
    if (!isText(alias) || alias.length > 300) continue;
    if (!isCorpusId(topicId)) continue;
    out = withFalseMatch(out, { site: site.toLowerCase(), alias, topicId, at: typeof at === 'string' ? at : '' });
  }
  return out;
}
