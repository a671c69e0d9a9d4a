// Everything Backstory keeps in storage.local, by key, each with the parser that every read goes
// through: the settings (a corrupt or missing value reads as the defaults) and the reader's own
// data (a corrupt value reads as "nothing"), never as an error.

import { FALSE_MATCHES_KEY, parseFalseMatches, type FalseMatch } from './false-matches';
import { PACK_FILES_KEY, PACKS_KEY, type InstalledPack, type PackFiles } from './packs';
import { parseInstalledPacks, parsePackFiles } from './packs-stored';
import { parseSettings, SETTINGS_KEY, type Settings } from './settings';

export interface LocalData {
  [SETTINGS_KEY]: Settings;
  [PACKS_KEY]: InstalledPack[];
  [PACK_FILES_KEY]: Record<string, PackFiles>;
  [FALSE_MATCHES_KEY]: FalseMatch[];
}

export type LocalKey = keyof LocalData;

export const LOCAL_PARSERS: { [K in LocalKey]: (raw: unknown) => LocalData[K] } = {
  [SETTINGS_KEY]: parseSettings,
  [PACKS_KEY]: parseInstalledPacks,
  [PACK_FILES_KEY]: parsePackFiles,
  [FALSE_MATCHES_KEY]: parseFalseMatches,
};

/** Reads one key's stored value; never throws. */
export function parseLocal<K extends LocalKey>(key: K, raw: unknown): LocalData[K] {
  try {
    return LOCAL_PARSERS[key](raw);
  } catch {
    return LOCAL_PARSERS[key](undefined);
  }
}
