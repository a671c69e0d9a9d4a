// Validates the corpus as authored (data/ at build time, imported packs later). Every error
// names the file, the topic and the field, so a broken entry is found without guessing.

import { CORPUS_ID } from './ids';
import type { Category, Source, Topic } from './corpus-types';
import { fold, normalizeForQuote } from './text-fold';
import { isObj, isText } from './guards';
import { type CorpusError, nullableText, type QuoteContext, Reporter, requireText } from './corpus-validate-fields';
import { aliasText, validateTopic } from './corpus-validate-topic';

export type { CorpusError };
// Exported here too, where corpus-compile.ts imports them from.
export { aliasText, isAmbiguous } from './corpus-validate-topic';

export interface CorpusFile {
  file: string;
  data: unknown;
}

export interface SourceFile extends CorpusFile {
  /** The document's full text, or null when it is missing. */
  text: string | null;
}

export interface CorpusInput {
  categories: CorpusFile;
  sources: SourceFile[];
  topics: CorpusFile[];
}

export interface Corpus {
  categories: Category[];
  sources: Source[];
  topics: Topic[];
}

export function formatCorpusError(e: CorpusError): string {
  const where = e.topic === undefined ? e.file : `${e.file} › topic "${e.topic}"`;
  return `${where} › ${e.field}: ${e.message}`;
}

const ISO_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

function validateCategories(f: CorpusFile, errors: CorpusError[]): Category[] {
  const r = new Reporter(f.file);
  const out: Category[] = [];
  if (!Array.isArray(f.data)) {
    r.fail('(root)', 'must be an array of categories');
  } else {
    f.data.forEach((c, i) => {
      if (!isObj(c)) return r.fail(`[${i}]`, 'must be an object');
      const id = requireText(c, 'id', r, `[${i}].id`);
      const label = requireText(c, 'label', r, `[${i}].label`);
      const color = requireText(c, 'color', r, `[${i}].color`);
      if (color && !/^#[0-9a-f]{6}$/i.test(color)) r.fail(`[${i}].color`, 'must be a #rrggbb colour');
      if (id && out.some((o) => o.id === id)) r.fail(`[${i}].id`, `duplicate category "${id}"`);
      out.push({ id, label, color });
    });
  }
  errors.push(...r.errors);
  return out;
}

function validateSource(f: SourceFile, errors: CorpusError[]): Source | null {
  const r = new Reporter(f.file);
  if (!isObj(f.data)) {
    r.fail('(root)', 'must be an object');
    errors.push(...r.errors);
    return null;
  }
  const d = f.data;
  const src: Source = {
    id: requireText(d, 'id', r),
    file: requireText(d, 'file', r),
    title: requireText(d, 'title', r),
    publisher: nullableText(d, 'publisher', r),
    author: nullableText(d, 'author', r),
    date: nullableText(d, 'date', r),
    dateText: nullableText(d, 'dateText', r),
    language: requireText(d, 'language', r),
    url: nullableText(d, 'url', r),
  };
  if (isText(d.notes)) src.notes = d.notes;
  if (src.id && !CORPUS_ID.test(src.id)) r.fail('id', 'must be lower-case kebab-case');
  if (src.date !== null && !ISO_DATE.test(src.date)) r.fail('date', `"${src.date}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
  if (src.url !== null && !/^https?:\/\//.test(src.url)) r.fail('url', 'must be an http(s) address or null');
  if (f.text === null) r.fail('file', `the text "${src.file}" is missing`);
  errors.push(...r.errors);
  return src;
}

const categoryOfFile = (file: string): string | null => /([a-z0-9-]+)\.json$/.exec(file)?.[1] ?? null;

function validateSources(files: SourceFile[], errors: CorpusError[]): { sources: Source[]; ctx: QuoteContext } {
  const sources: Source[] = [];
  const texts = new Map<string, string | null>();
  for (const f of files) {
    const s = validateSource(f, errors);
    if (!s) continue;
    if (texts.has(s.id)) errors.push({ file: f.file, field: 'id', message: `duplicate source "${s.id}"` });
    sources.push(s);
    texts.set(s.id, f.text === null ? null : normalizeForQuote(f.text));
  }
  return { sources, ctx: { sources: texts } };
}

/** Every topic of every file, each id and (folded) alias owned by the first topic that declares it. */
function validateTopicFiles(files: CorpusFile[], categoryIds: Set<string>, ctx: QuoteContext, errors: CorpusError[]) {
  const topics: Topic[] = [];
  const aliasOwner = new Map<string, string>();
  for (const f of files) {
    const r = new Reporter(f.file);
    if (!Array.isArray(f.data)) {
      r.fail('(root)', 'must be an array of topics');
      errors.push(...r.errors);
      continue;
    }
    const fileCategory = categoryIds.has(categoryOfFile(f.file) ?? '') ? categoryOfFile(f.file) : null;
    f.data.forEach((o, i) => {
      if (!isObj(o)) return r.fail(`[${i}]`, 'must be an object');
      const t = validateTopic(o, fileCategory, r, ctx, categoryIds);
      const tr = r.at(t.id);
      if (topics.some((x) => x.id === t.id)) tr.fail('id', 'is used by another topic');
      t.aliases.forEach((a, j) => {
        const key = fold(aliasText(a));
        const owner = aliasOwner.get(key);
        // Variants that fold alike within one topic (Shinzo / Shinzō) are harmless.
        if (owner !== undefined && owner !== t.id) tr.fail(`aliases[${j}]`, `"${aliasText(a)}" is already an alias of topic "${owner}"`);
        else aliasOwner.set(key, t.id);
      });
      topics.push(t);
    });
    errors.push(...r.errors);
  }
  return { topics, aliasOwner };
}

/** The validated topics whose ids the file declares: an error found across topics names the file that declares the topic. */
const topicsOfFile = (f: CorpusFile, topics: Topic[]): Topic[] =>
  Array.isArray(f.data) ? topics.filter((x) => (f.data as unknown[]).some((o) => isObj(o) && o.id === x.id)) : [];

/** Claim events name their partner topics, which may be declared in any file. */
function checkClaimEventPartners(files: CorpusFile[], topics: Topic[], errors: CorpusError[]): void {
  const ids = new Set(topics.map((t) => t.id));
  for (const f of files)
    for (const t of topicsOfFile(f, topics)) {
      t.claimEvents?.forEach((e, i) =>
        e.with.forEach((id, j) => {
          if (!ids.has(id)) errors.push({ file: f.file, topic: t.id, field: `claimEvents[${i}].with[${j}]`, message: `unknown topic "${id}"` });
        }),
      );
    }
}

/** Look-alikes are checked once every alias is known, whichever file declares it. */
function checkLookAlikes(files: CorpusFile[], topics: Topic[], aliasOwner: Map<string, string>, errors: CorpusError[]): void {
  for (const f of files)
    for (const t of topicsOfFile(f, topics)) {
      (t.notAliases ?? []).forEach((look, j) => {
        const owner = aliasOwner.get(fold(look));
        if (owner !== undefined)
          errors.push({ file: f.file, topic: t.id, field: `notAliases[${j}]`, message: `"${look}" is an alias of topic "${owner}"` });
      });
    }
}

/** Validates the whole corpus; returns it only when there is no error. */
export function validateCorpus(input: CorpusInput): { corpus: Corpus | null; errors: CorpusError[] } {
  const errors: CorpusError[] = [];
  const categories = validateCategories(input.categories, errors);
  const categoryIds = new Set(categories.map((c) => c.id));
  const { sources, ctx } = validateSources(input.sources, errors);
  const { topics, aliasOwner } = validateTopicFiles(input.topics, categoryIds, ctx, errors);
  checkClaimEventPartners(input.topics, topics, errors);
  checkLookAlikes(input.topics, topics, aliasOwner, errors);
  return { corpus: errors.length ? null : { categories, sources, topics }, errors };
}
