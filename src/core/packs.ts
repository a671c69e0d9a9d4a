// Corpus packs: a reader's own sources and topics, imported as one JSON file. A pack is held to
// the same rules as data/ (validateCorpus: every quote verbatim in the pack's own source text),
// must not claim a topic id or alias that the built-in corpus or another installed pack owns, and
// is accepted or rejected whole. Pure: the options page imports, the content script matches and
// the background answers tooltip requests from what this module produces.

import { STEM_MARK } from './automaton';
import { compileDetails, compileIndex } from './corpus-compile';
import type { CompiledIndex, ContextWords, TopicDetails, TopicHead } from './corpus-types';
import { validateCorpus, type CorpusError, type CorpusInput, type SourceFile } from './corpus-validate';
import { CORPUS_ID } from './ids';
import { isObj, isText } from './guards';
import { fold } from './text-fold';

export const PACK_FORMAT = 'backstory-pack';
export const PACK_FORMAT_VERSION = 1;
/** Storage keys: the small part every page reads, and the heavy part only tooltips and export read. */
export const PACKS_KEY = 'packs';
export const PACK_FILES_KEY = 'packFiles';
/** Browsers give an extension's local storage about 10 MB (Chromium); a pack is stored twice over. */
export const MAX_PACK_CHARS = 3_000_000;

/** What every page needs of an installed pack: its matcher index and a few labels. */
export interface InstalledPack {
  id: string;
  name: string;
  description: string | null;
  /** "<pack id>@<hash of the file>": shown as the corpus version in its topics' tooltips. */
  version: string;
  enabled: boolean;
  /** ISO 8601. */
  importedAt: string;
  index: CompiledIndex;
}

/** What only tooltips (details) and export (the file as imported) need. */
export interface PackFiles {
  raw: string;
  details: TopicDetails[];
}

/** What a pack is checked against: the built-in corpus's compiled index. */
export type BuiltInCorpus = Pick<CompiledIndex, 'topics' | 'aliases' | 'categories' | 'context'>;

export interface ReadPackOptions {
  /** Names the pack in errors until its own id is known. */
  fileName: string;
  builtIn: BuiltInCorpus;
  installed: readonly InstalledPack[];
  /** The id of an installed pack this file is an explicit update of. */
  update?: string;
  now?: Date;
}

export type ReadPackResult = { ok: true; pack: InstalledPack; files: PackFiles } | { ok: false; errors: CorpusError[] };

/** Packs reuse the built-in context words (already compiled into the built-in index). */
const NO_WORDS: ContextWords = { japan: [], russia: [], dispute: [], titles: [], nameFollowers: [] };

/** An alias's identity: folded, with a Russian stem's `*` dropped (the compiled index keys stems so). */
const aliasKey = (text: string): string => {
  const key = fold(text);
  return key.endsWith(STEM_MARK) ? key.slice(0, -STEM_MARK.length) : key;
};

/** Who owns each alias key and topic id already: the built-in corpus, then each installed pack. */
function owners(builtIn: BuiltInCorpus, installed: readonly InstalledPack[]) {
  const aliases = new Map<string, string>();
  const topics = new Map<string, string>();
  const add = (index: Pick<CompiledIndex, 'aliases' | 'topics'>, owner: (t: TopicHead) => string) => {
    for (const t of index.topics) if (!topics.has(t.id)) topics.set(t.id, owner(t));
    for (const [key, entry] of Object.entries(index.aliases)) {
      const head = index.topics[entry.topic];
      if (head && !aliases.has(key)) aliases.set(key, owner(head));
    }
  };
  add(builtIn, (t) => `built-in topic "${t.id}"`);
  for (const p of installed) add(p.index, (t) => `topic "${t.id}" of installed pack "${p.id}"`);
  return { aliases, topics };
}

/** A short, stable hash (FNV-1a, 32 bits) so a pack's version changes with its content. */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Reads a pack file: parses, validates like the build validates data/, checks it against what is
 * already installed, and compiles it. Any error rejects the whole pack; nothing is changed here
 * either way (the caller stores an accepted pack).
 */
export function readPack(text: string, options: ReadPackOptions): ReadPackResult {
  const { fileName, builtIn } = options;
  const fail = (file: string, field: string, message: string, topic?: string): CorpusError =>
    topic === undefined ? { file, field, message } : { file, topic, field, message };
  if (text.length > MAX_PACK_CHARS)
    return {
      ok: false,
      errors: [
        fail(fileName, '(file)', `is ${(text.length / 1e6).toFixed(1)} million characters; a pack may have at most ${MAX_PACK_CHARS / 1e6} million`),
      ],
    };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [fail(fileName, '(file)', `not valid JSON (${e instanceof Error ? e.message : String(e)})`)] };
  }
  if (!isObj(data))
    return { ok: false, errors: [fail(fileName, '(root)', 'must be an object with "format", "version", "pack", "sources" and "topics"')] };

  const meta = isObj(data.pack) ? data.pack : null;
  const label = meta && isText(meta.id) && CORPUS_ID.test(meta.id) ? `pack "${meta.id}"` : fileName;
  const errors: CorpusError[] = [];
  // A file of another format or version may be shaped differently throughout: say only that.
  if (data.format !== PACK_FORMAT)
    errors.push(
      fail(
        label,
        'format',
        data.format === undefined ? `is required: "${PACK_FORMAT}"` : `must be "${PACK_FORMAT}", not ${JSON.stringify(data.format)}`,
      ),
    );
  else if (data.version !== PACK_FORMAT_VERSION)
    errors.push(
      fail(
        label,
        'version',
        data.version === undefined
          ? `is required: ${PACK_FORMAT_VERSION}`
          : `${JSON.stringify(data.version)} is not supported; this Backstory reads version ${PACK_FORMAT_VERSION}`,
      ),
    );
  if (errors.length) return { ok: false, errors };

  if (!meta) errors.push(fail(label, 'pack', 'must be an object with "id" and "name"'));
  const id = meta && isText(meta.id) ? meta.id : '';
  if (meta) {
    if (!isText(meta.id)) errors.push(fail(label, 'pack.id', 'is required'));
    else if (!CORPUS_ID.test(meta.id)) errors.push(fail(label, 'pack.id', 'must be lower-case kebab-case'));
    if (!isText(meta.name)) errors.push(fail(label, 'pack.name', meta.name === undefined ? 'is required' : 'must be a non-empty string'));
    if (meta.description !== undefined && meta.description !== null && typeof meta.description !== 'string')
      errors.push(fail(label, 'pack.description', 'must be a string'));
  }
  if (id && options.update !== undefined && id !== options.update)
    errors.push(fail(label, 'pack.id', `is "${id}", but this file was chosen to update pack "${options.update}"`));
  else if (id && options.update === undefined && options.installed.some((p) => p.id === id))
    errors.push(fail(label, 'pack.id', `a pack "${id}" is already installed; use its Update button to replace it`));

  // The same CorpusInput the build makes of data/: the built-in categories, each source with its
  // text inline, the topics as one file.
  const sources: SourceFile[] = [];
  if (!Array.isArray(data.sources) || data.sources.length === 0) errors.push(fail(label, 'sources', 'needs at least one source'));
  else
    data.sources.forEach((s, i) => {
      const file = `${label} › sources[${i}]`;
      if (isObj(s) && !isText(s.text))
        errors.push(fail(file, 'text', s.text === undefined ? "is required: the document's full text" : 'must be a non-empty string'));
      const { text: body, ...rest } = isObj(s) ? s : { text: undefined };
      sources.push({ file, data: isObj(s) ? { ...rest, file: 'text' } : s, text: isText(body) ? body : null });
    });
  const topicsFile = `${label} › topics`;
  if (!Array.isArray(data.topics) || data.topics.length === 0) errors.push(fail(label, 'topics', 'needs at least one topic'));
  const input: CorpusInput = {
    categories: { file: `${label} › categories`, data: builtIn.categories },
    sources,
    topics: Array.isArray(data.topics) ? [{ file: topicsFile, data: data.topics }] : [],
  };
  const checked = validateCorpus(input);
  // A missing text is reported once, above, as the pack's own "text" field.
  errors.push(...checked.errors.filter((e) => !(e.field === 'file' && sources.some((s) => s.file === e.file && s.text === null))));

  // Ids and aliases belong to one topic across everything installed. The pack being replaced (or
  // re-imported, already refused above) doesn't count against itself.
  const taken = owners(
    builtIn,
    options.installed.filter((p) => p.id !== options.update && p.id !== id),
  );
  if (Array.isArray(data.topics))
    for (const t of data.topics) {
      if (!isObj(t) || !isText(t.id)) continue;
      const topicId = t.id;
      const owner = taken.topics.get(topicId);
      if (owner) errors.push(fail(topicsFile, 'id', `"${topicId}" is already the id of ${owner}`, topicId));
      if (!Array.isArray(t.aliases)) continue;
      t.aliases.forEach((a, j) => {
        const text = isText(a) ? a : isObj(a) && isText(a.text) ? a.text : null;
        const aliasOwner = text === null ? undefined : taken.aliases.get(aliasKey(text));
        if (aliasOwner) errors.push(fail(topicsFile, `aliases[${j}]`, `"${text}" is already an alias of ${aliasOwner}`, topicId));
      });
    }

  if (errors.length || !checked.corpus || !meta) return { ok: false, errors };
  const version = `${id}@${contentHash(text)}`;
  const index: CompiledIndex = { ...compileIndex(checked.corpus, NO_WORDS, version), context: builtIn.context };
  return {
    ok: true,
    pack: {
      id,
      name: (meta.name as string).trim(),
      description: isText(meta.description) ? meta.description.trim() : null,
      version,
      enabled: true,
      importedAt: (options.now ?? new Date()).toISOString(),
      index,
    },
    files: { raw: text, details: compileDetails(checked.corpus, version) },
  };
}
