// The user's settings: one versioned object in storage, with defaults and validation. Whatever is
// stored (an older version, a corrupt value, a hand-edited blob) comes out as a valid Settings;
// a field that doesn't validate falls back to its default without taking the others with it.

import { isHost, isObj, type Obj } from './guards';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

export type MentionMode = 'all' | 'first';
/**
 * How mentions are shown: painted over the text by the browser (the page's DOM untouched), or
 * wrapped in <mark> elements (for reader views, printing and screen readers that announce marks).
 */
export type PaintMode = 'highlights' | 'marks';

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** The master switch. */
  enabled: boolean;
  /** Category id → shown. A category missing here is shown, so new categories appear on update. */
  categories: Record<string, boolean>;
  /** Hostnames where the user turned Backstory off. */
  disabledSites: string[];
  /** Every mention, or only the first mention of each topic on a page. */
  mentionMode: MentionMode;
  paintMode: PaintMode;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
  categories: {},
  disabledSites: [],
  mentionMode: 'all',
  paintMode: 'highlights',
});

/**
 * Migrations from each older version to the next. Settings written before versioning (no
 * `version` field) are read as version 1, whose fields they share.
 */
const MIGRATIONS: Record<number, (old: Obj) => Obj> = {};

function migrate(raw: Obj): Obj {
  let version = typeof raw.version === 'number' && Number.isInteger(raw.version) ? raw.version : SETTINGS_VERSION;
  let blob = raw;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return {};
    blob = step(blob);
    version++;
  }
  return blob;
}

export function parseSettings(raw: unknown): Settings {
  const blob = isObj(raw) ? migrate(raw) : {};
  const categories: Record<string, boolean> = {};
  if (isObj(blob.categories)) {
    for (const [id, on] of Object.entries(blob.categories)) if (typeof on === 'boolean') categories[id] = on;
  }
  return {
    version: SETTINGS_VERSION,
    enabled: typeof blob.enabled === 'boolean' ? blob.enabled : DEFAULT_SETTINGS.enabled,
    categories,
    disabledSites: Array.isArray(blob.disabledSites) ? [...new Set(blob.disabledSites.filter(isHost).map((h) => h.toLowerCase()))] : [],
    mentionMode: blob.mentionMode === 'first' || blob.mentionMode === 'all' ? blob.mentionMode : DEFAULT_SETTINGS.mentionMode,
    paintMode: blob.paintMode === 'marks' || blob.paintMode === 'highlights' ? blob.paintMode : DEFAULT_SETTINGS.paintMode,
  };
}

/** The site a page belongs to, for "off on this site": its hostname without "www.". */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

export const isCategoryOn = (s: Settings, category: string): boolean => s.categories[category] !== false;

export function isActiveOn(s: Settings, site: string | null): boolean {
  return s.enabled && (site === null || !s.disabledSites.includes(site));
}

export function withCategory(s: Settings, category: string, on: boolean): Settings {
  return { ...s, categories: { ...s.categories, [category]: on } };
}

export function withSite(s: Settings, site: string, on: boolean): Settings {
  const others = s.disabledSites.filter((h) => h !== site);
  return { ...s, disabledSites: on ? others : [...others, site] };
}
