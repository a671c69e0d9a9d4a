// Installed packs as they are kept in storage.local and used: adding, removing and switching a
// pack, the tooltip details and source texts a pack provides, and reading the stored value back
// defensively (anything that doesn't have the shape we wrote is left out, never allowed to break
// a page). Pure.

import type { CompiledIndex, SourceDocument, TopicDetails } from './corpus-types';
import { isObj, isStrings, isText, type Obj } from './guards';
import { isCorpusId } from './ids';
import type { InstalledPack, PackFiles } from './packs';

/** The installed packs after adding (or updating) one; an update keeps the pack's on/off state. */
export function withPack(packs: readonly InstalledPack[], files: Readonly<Record<string, PackFiles>>, pack: InstalledPack, packFiles: PackFiles) {
  const old = packs.find((p) => p.id === pack.id);
  const next = old ? { ...pack, enabled: old.enabled } : pack;
  return {
    packs: old ? packs.map((p) => (p.id === pack.id ? next : p)) : [...packs, next],
    packFiles: { ...files, [pack.id]: packFiles },
  };
}

export function withoutPack(packs: readonly InstalledPack[], files: Readonly<Record<string, PackFiles>>, id: string) {
  const { [id]: _removed, ...rest } = files;
  return { packs: packs.filter((p) => p.id !== id), packFiles: rest };
}

export const withPackEnabled = (packs: readonly InstalledPack[], id: string, enabled: boolean): InstalledPack[] =>
  packs.map((p) => (p.id === id ? { ...p, enabled } : p));

/** A topic's tooltip details from the enabled packs, or null. */
export function packDetails(packs: readonly InstalledPack[], files: Readonly<Record<string, PackFiles>>, topicId: string): TopicDetails | null {
  for (const p of packs) {
    if (!p.enabled) continue;
    const d = files[p.id]?.details.find((x) => x.topic.id === topicId);
    if (d) return d;
  }
  return null;
}

/**
 * A source of the enabled pack that holds the topic, with its full text (from the file as
 * imported, which validation has already checked), or null.
 */
export function packSource(
  packs: readonly InstalledPack[],
  files: Readonly<Record<string, PackFiles>>,
  topicId: string,
  sourceId: string,
): { document: SourceDocument; packName: string } | null {
  for (const p of packs) {
    const file = files[p.id];
    if (!p.enabled || !file?.details.some((d) => d.topic.id === topicId)) continue;
    // Own properties only: "constructor" is a well-formed id too.
    const meta = file.details.find((d) => Object.hasOwn(d.sources, sourceId))?.sources[sourceId];
    let data: unknown;
    try {
      data = JSON.parse(file.raw);
    } catch {
      return null;
    }
    const sources = isObj(data) && Array.isArray(data.sources) ? data.sources : [];
    const text = sources.find((s): s is Obj => isObj(s) && s.id === sourceId)?.text;
    return isObj(meta) && isText(meta.title) && isText(text) ? { document: { ...meta, text }, packName: p.name } : null;
  }
  return null;
}

const isTopicIndex = (v: unknown, n: number): boolean => Number.isInteger(v) && (v as number) >= 0 && (v as number) < n;

function isClaimEvent(v: unknown, n: number): boolean {
  return (
    isObj(v) &&
    isTopicIndex(v.topic, n) &&
    isStrings(v.phrases) &&
    Array.isArray(v.with) &&
    v.with.every((w) => isTopicIndex(w, n)) &&
    (v.dated === undefined || v.dated === true) &&
    (v.recurs === undefined || v.recurs === true)
  );
}

function isIndex(v: unknown): v is CompiledIndex {
  if (!isObj(v) || typeof v.version !== 'string' || !isObj(v.aliases)) return false;
  if (!Array.isArray(v.topics) || !Array.isArray(v.categories) || !isObj(v.aliases) || !isObj(v.claims) || !isObj(v.context)) return false;
  const n = v.topics.length;
  const c = v.context;
  return (
    v.topics.every(
      (t) =>
        isObj(t) &&
        typeof t.id === 'string' &&
        typeof t.name === 'string' &&
        typeof t.category === 'string' &&
        (t.anchor === undefined || t.anchor === true) &&
        (t.notAnchoring === undefined || isStrings(t.notAnchoring)),
    ) &&
    v.categories.every((x) => isObj(x) && typeof x.id === 'string' && typeof x.label === 'string' && typeof x.color === 'string') &&
    Object.values(v.aliases).every(
      (e) => isObj(e) && Number.isInteger(e.topic) && (e.topic as number) < n && typeof e.alias === 'string' && typeof e.ambiguous === 'boolean',
    ) &&
    isStrings(c.japan) &&
    isStrings(c.russia) &&
    isStrings(c.dispute) &&
    isStrings(c.titles) &&
    isStrings(c.nameFollowers) &&
    (v.claimEvents === undefined || (Array.isArray(v.claimEvents) && v.claimEvents.every((e) => isClaimEvent(e, n))))
  );
}

function parsePack(v: unknown): InstalledPack | null {
  if (!isObj(v) || !isCorpusId(v.id) || !isText(v.name) || typeof v.version !== 'string') return null;
  if (typeof v.enabled !== 'boolean' || typeof v.importedAt !== 'string' || !isIndex(v.index)) return null;
  const description = typeof v.description === 'string' ? v.description : null;
  return { id: v.id, name: v.name, description, version: v.version, enabled: v.enabled, importedAt: v.importedAt, index: v.index };
}

/** The installed packs as stored; corrupt entries are dropped, a corrupt value is no packs. */
export function parseInstalledPacks(raw: unknown): InstalledPack[] {
  if (!Array.isArray(raw)) return [];
  const out: InstalledPack[] = [];
  for (const v of raw) {
    const p = parsePack(v);
    if (p && !out.some((o) => o.id === p.id)) out.push(p);
  }
  return out;
}

export function parsePackFiles(raw: unknown): Record<string, PackFiles> {
  if (!isObj(raw)) return {};
  const out: Record<string, PackFiles> = {};
  for (const [id, v] of Object.entries(raw)) {
    if (!isObj(v) || typeof v.raw !== 'string' || !Array.isArray(v.details)) continue;
    const details = v.details.filter(
      (d): d is TopicDetails =>
        isObj(d) && isObj(d.topic) && typeof d.topic.id === 'string' && isObj(d.sources) && typeof d.corpusVersion === 'string',
    );
    out[id] = { raw: v.raw, details };
  }
  return out;
}

/** Topics of a pack as counted in the options page. */
export const topicCount = (p: InstalledPack): number => p.index.topics.length;

/** Suggested file name for an exported pack. */
export const exportFileName = (p: InstalledPack): string => `${p.id}.backstory-pack.json`;
