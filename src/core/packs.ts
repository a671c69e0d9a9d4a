// Corpus packs: a reader's own sources and topics, imported as one JSON file. A pack is held to
// the same rules as data/ (validateCorpus: every quote verbatim in the pack's own source text),
// must not claim a topic id or alias that the built-in corpus or another installed pack owns, and
// is accepted or rejected whole. Pure: the options page imports, the content script matches and
// the background answers tooltip requests from what this module produces.

import { STEM_MARK } from './automaton';
import { compileDetails, compileIndex } from './corpus-compile';
import type { CompiledIndex, ContextWords, TopicDetails, TopicHead } from './corpus-types';
import { type Corpus, validateCorpus, type CorpusError, type CorpusInput, type SourceFile } from './corpus-validate';
import { CORPUS_ID, isCorpusId } from './ids';
import { isObj, isText, type Obj } from './guards';
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

interface Owners {
  /** Alias key → its owner, as errors name it. */
  aliases: Map<string, string>;
  /** Topic id → its owner, as errors name it. */
  topics: Map<string, string>;
}

/** Who owns each alias key and topic id already: the built-in corpus, then each installed pack. */
function owners(builtIn: BuiltInCorpus, installed: readonly InstalledPack[]): Owners {
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

const packError = (file: string, field: string, message: string, topic?: string): CorpusError =>
  topic === undefined ? { file, field, message } : { file, topic, field, message };

/** The file as JSON with an object at its root, or the one error that stops reading it. */
function parsePackFile(text: string, fileName: string): { data: Obj } | { error: CorpusError } {
  if (text.length > MAX_PACK_CHARS) {
    const size = `${(text.length / 1e6).toFixed(1)} million characters`;
    return { error: packError(fileName, '(file)', `is ${size}; a pack may have at most ${MAX_PACK_CHARS / 1e6} million`) };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { error: packError(fileName, '(file)', `not valid JSON (${e instanceof Error ? e.message : String(e)})`) };
  }
  if (!isObj(data)) return { error: packError(fileName, '(root)', 'must be an object with "format", "version", "pack", "sources" and "topics"') };
  return { data };
}

/** A file of another format or version may be shaped differently throughout: say only that. */
function checkFormat(data: Obj, label: string): CorpusError | null {
  if (data.format !== PACK_FORMAT) {
    const wrong = data.format === undefined ? `is required: "${PACK_FORMAT}"` : `must be "${PACK_FORMAT}", not ${JSON.stringify(data.format)}`;
    return packError(label, 'format', wrong);
  }
  if (data.version !== PACK_FORMAT_VERSION) {
    const wrong =
      data.version === undefined
        ? `is required: ${PACK_FORMAT_VERSION}`
        : `${JSON.stringify(data.version)} is not supported; this Backstory reads version ${PACK_FORMAT_VERSION}`;
    return packError(label, 'version', wrong);
  }
  return null;
}

/** The "pack" object's fields, and whether its id may be installed as asked: as a new pack, or as the update chosen. */
function checkMeta(meta: Obj | null, label: string, options: ReadPackOptions): CorpusError[] {
  if (!meta) return [packError(label, 'pack', 'must be an object with "id" and "name"')];
  const errors: CorpusError[] = [];
  if (!isText(meta.id)) errors.push(packError(label, 'pack.id', 'is required'));
  else if (!CORPUS_ID.test(meta.id)) errors.push(packError(label, 'pack.id', 'must be lower-case kebab-case'));
  if (!isText(meta.name)) errors.push(packError(label, 'pack.name', meta.name === undefined ? 'is required' : 'must be a non-empty string'));
  if (meta.description !== undefined && meta.description !== null && typeof meta.description !== 'string')
    errors.push(packError(label, 'pack.description', 'must be a string'));
  const id = isText(meta.id) ? meta.id : '';
  if (id && options.update !== undefined && id !== options.update)
    errors.push(packError(label, 'pack.id', `is "${id}", but this file was chosen to update pack "${options.update}"`));
  else if (id && options.update === undefined && options.installed.some((p) => p.id === id))
    errors.push(packError(label, 'pack.id', `a pack "${id}" is already installed; use its Update button to replace it`));
  return errors;
}

/** Each source as the build reads one from data/, with its text inline instead of in a file of its own. */
function packSources(v: unknown, label: string, errors: CorpusError[]): SourceFile[] {
  if (!Array.isArray(v) || v.length === 0) {
    errors.push(packError(label, 'sources', 'needs at least one source'));
    return [];
  }
  return v.map((s, i): SourceFile => {
    const file = `${label} › sources[${i}]`;
    // Not an object: validateCorpus says so, as it does of a source file in data/.
    if (!isObj(s)) return { file, data: s, text: null };
    if (!isText(s.text))
      errors.push(packError(file, 'text', s.text === undefined ? "is required: the document's full text" : 'must be a non-empty string'));
    const { text: body, ...rest } = s;
    return { file, data: { ...rest, file: 'text' }, text: isText(body) ? body : null };
  });
}

/** Validates the pack as the build validates data/, against the built-in categories, its topics as one file. */
function validatePack(data: Obj, label: string, topicsFile: string, builtIn: BuiltInCorpus, errors: CorpusError[]): Corpus | null {
  const sources = packSources(data.sources, label, errors);
  if (!Array.isArray(data.topics) || data.topics.length === 0) errors.push(packError(label, 'topics', 'needs at least one topic'));
  const input: CorpusInput = {
    categories: { file: `${label} › categories`, data: builtIn.categories },
    sources,
    topics: Array.isArray(data.topics) ? [{ file: topicsFile, data: data.topics }] : [],
  };
  const checked = validateCorpus(input);
  // A missing text is reported once, by packSources, as the pack's own "text" field.
  errors.push(...checked.errors.filter((e) => !(e.field === 'file' && sources.some((s) => s.file === e.file && s.text === null))));
  return checked.corpus;
}

/** The pack's topic ids and aliases that another topic already owns: ids and aliases belong to one topic across everything installed. */
function checkOwnership(topics: unknown, topicsFile: string, taken: Owners): CorpusError[] {
  if (!Array.isArray(topics)) return [];
  const errors: CorpusError[] = [];
  for (const t of topics) {
    if (!isObj(t) || !isText(t.id)) continue;
    const topicId = t.id;
    const owner = taken.topics.get(topicId);
    if (owner) errors.push(packError(topicsFile, 'id', `"${topicId}" is already the id of ${owner}`, topicId));
    if (!Array.isArray(t.aliases)) continue;
    t.aliases.forEach((a, j) => {
      const text = isText(a) ? a : isObj(a) && isText(a.text) ? a.text : null;
      const aliasOwner = text === null ? undefined : taken.aliases.get(aliasKey(text));
      if (aliasOwner) errors.push(packError(topicsFile, `aliases[${j}]`, `"${text}" is already an alias of ${aliasOwner}`, topicId));
    });
  }
  return errors;
}

/** The accepted pack, compiled: its index for every page, its details and file for tooltips and export. */
function compilePack(text: string, id: string, meta: Obj, corpus: Corpus, options: ReadPackOptions): ReadPackResult {
  const version = `${id}@${contentHash(text)}`;
  const index: CompiledIndex = { ...compileIndex(corpus, NO_WORDS, version), context: options.builtIn.context };
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
    files: { raw: text, details: compileDetails(corpus, version) },
  };
}

/**
 * Reads a pack file: parses, validates like the build validates data/, checks it against what is
 * already installed, and compiles it. Any error rejects the whole pack; nothing is changed here
 * either way (the caller stores an accepted pack).
 */
export function readPack(text: string, options: ReadPackOptions): ReadPackResult {
  const parsed = parsePackFile(text, options.fileName);
  if ('error' in parsed) return { ok: false, errors: [parsed.error] };
  const { data } = parsed;
  const meta = isObj(data.pack) ? data.pack : null;
  const label = meta && isCorpusId(meta.id) ? `pack "${meta.id}"` : options.fileName;
  const formatError = checkFormat(data, label);
  if (formatError) return { ok: false, errors: [formatError] };

  const errors = checkMeta(meta, label, options);
  const id = meta && isText(meta.id) ? meta.id : '';
  const topicsFile = `${label} › topics`;
  const corpus = validatePack(data, label, topicsFile, options.builtIn, errors);
  // The pack being replaced (or re-imported, already refused by checkMeta) doesn't count against itself.
  const others = options.installed.filter((p) => p.id !== options.update && p.id !== id);
  errors.push(...checkOwnership(data.topics, topicsFile, owners(options.builtIn, others)));
  if (errors.length || !corpus || !meta) return { ok: false, errors };
  return compilePack(text, id, meta, corpus, options);
}
