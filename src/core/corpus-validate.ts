// Validates the corpus as authored (data/ at build time, imported packs later). Every error
// names the file, the topic and the field, so a broken entry is found without guessing.

import { CORPUS_ID } from './ids';
import type { Alias, Category, Claim, Discrepancy, Fact, NameUsage, Source, Topic, Viewpoint } from './corpus-types';
import { fold, normalizeForQuote } from './text-fold';
import { isObj, isText, type Obj } from './guards';
import { type CorpusError, nullableText, type QuoteContext, Reporter, requireText, validateList, validateQuotes } from './corpus-validate-fields';
import { validateClaim, validateClaimEvents } from './corpus-validate-claims';

export type { CorpusError };

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

/** An anchor topic's own aliases that don't show a page is about the dispute (Topic.notAnchoring). */
function validateNotAnchoring(v: unknown, topic: Topic, r: Reporter): string[] | null {
  const names = new Set(topic.aliases.map((a) => (typeof a === 'string' ? a : a.text)));
  let problem: string | undefined;
  if (!Array.isArray(v) || !v.every(isText)) problem = 'must be an array of strings';
  else if (!topic.pageAnchor) problem = 'is only for a topic with "pageAnchor": true';
  else {
    const unknown = v.find((n) => !names.has(n));
    if (unknown !== undefined) problem = `"${unknown}" is not one of the topic's aliases`;
  }
  if (problem === undefined) return v as string[];
  r.fail('notAnchoring', problem);
  return null;
}

function validateAliases(v: unknown, r: Reporter): Alias[] {
  if (!Array.isArray(v) || v.length === 0) {
    r.fail('aliases', 'needs at least one alias');
    return [];
  }
  return v.flatMap((a, i): Alias[] => {
    if (isText(a)) return [a];
    if (isObj(a) && isText(a.text) && a.ambiguous === true) return [{ text: a.text, ambiguous: true }];
    r.fail(`aliases[${i}]`, 'must be a string or { "text": "…", "ambiguous": true }');
    return [];
  });
}

export const aliasText = (a: Alias): string => (typeof a === 'string' ? a : a.text);
export const isAmbiguous = (a: Alias): boolean => typeof a !== 'string';

function validateTopic(o: Obj, expectedCategory: string | null, r0: Reporter, ctx: QuoteContext, categories: Set<string>): Topic {
  const id = isText(o.id) ? o.id : '(no id)';
  const r = r0.at(id);
  if (!isText(o.id)) r.fail('id', 'is required');
  else if (!CORPUS_ID.test(o.id)) r.fail('id', 'must be lower-case kebab-case');
  const category = requireText(o, 'category', r);
  if (category && !categories.has(category)) r.fail('category', `unknown category "${category}"`);
  if (category && expectedCategory && category !== expectedCategory)
    r.fail('category', `"${category}" does not belong in a file of category "${expectedCategory}"`);
  const facts = validateList(
    o.facts,
    'facts',
    r,
    (f, p): Fact => ({
      text: requireText(f, 'text', r, `${p}.text`),
      quotes: validateQuotes(f.quotes, `${p}.quotes`, r, ctx),
    }),
    { min: 1 },
  )!;
  const viewpoints = validateList(
    o.viewpoints,
    'viewpoints',
    r,
    (v, p): Viewpoint => ({
      holder: requireText(v, 'holder', r, `${p}.holder`),
      position: requireText(v, 'position', r, `${p}.position`),
      quotes: validateQuotes(v.quotes, `${p}.quotes`, r, ctx),
    }),
    { optional: true },
  );
  if (viewpoints && viewpoints.length === 1) r.fail('viewpoints', 'a contested topic needs at least two viewpoints');
  const names = validateList(
    o.names,
    'names',
    r,
    (n, p): NameUsage => ({
      name: requireText(n, 'name', r, `${p}.name`),
      usedBy: requireText(n, 'usedBy', r, `${p}.usedBy`),
      quotes: validateQuotes(n.quotes, `${p}.quotes`, r, ctx),
    }),
    { optional: true },
  );
  const discrepancies = validateList(
    o.discrepancies,
    'discrepancies',
    r,
    (d, p): Discrepancy => ({
      about: requireText(d, 'about', r, `${p}.about`),
      note: requireText(d, 'note', r, `${p}.note`),
      quotes: validateQuotes(d.quotes, `${p}.quotes`, r, ctx, 2),
    }),
    { optional: true },
  );
  const claims = validateList(o.claims, 'claims', r, (c, p) => validateClaim(c, p, r, ctx), { optional: true });
  const topic: Topic = {
    id,
    name: requireText(o, 'name', r),
    category,
    aliases: validateAliases(o.aliases, r),
    summary: requireText(o, 'summary', r),
    facts,
  };
  if (o.pageAnchor !== undefined) {
    if (typeof o.pageAnchor !== 'boolean') r.fail('pageAnchor', 'must be true or false');
    else if (o.pageAnchor) topic.pageAnchor = true;
  }
  if (o.needsContext !== undefined) {
    if (typeof o.needsContext !== 'boolean') r.fail('needsContext', 'must be true or false');
    else if (o.needsContext) topic.needsContext = true;
  }
  if (o.notAnchoring !== undefined) {
    const names = validateNotAnchoring(o.notAnchoring, topic, r);
    if (names) topic.notAnchoring = names;
  }
  if (o.notAliases !== undefined) {
    if (!Array.isArray(o.notAliases) || !o.notAliases.every(isText)) r.fail('notAliases', 'must be an array of strings');
    else topic.notAliases = o.notAliases;
  }
  if (viewpoints) topic.viewpoints = viewpoints;
  if (claims) topic.claims = claims.filter((c): c is Claim => c !== null);
  if (o.claimsVia !== undefined) {
    const names = new Set(topic.aliases.map(aliasText));
    if (!Array.isArray(o.claimsVia) || o.claimsVia.length === 0 || !o.claimsVia.every(isText))
      r.fail('claimsVia', 'must list the aliases claims are checked through');
    else {
      o.claimsVia.forEach((a, i) => {
        if (!names.has(a as string)) r.fail(`claimsVia[${i}]`, `"${a as string}" is not an alias of this topic`);
      });
      topic.claimsVia = o.claimsVia as string[];
    }
  }
  if (o.claimEvents !== undefined) {
    const rules = validateClaimEvents(o.claimEvents, r);
    if (rules && !topic.claims?.length) r.fail('claimEvents', 'needs claims to check');
    else if (rules) topic.claimEvents = rules;
  }
  if (names) topic.names = names;
  if (discrepancies) topic.discrepancies = discrepancies;
  return topic;
}

const categoryOfFile = (file: string): string | null => /([a-z0-9-]+)\.json$/.exec(file)?.[1] ?? null;

/** Validates the whole corpus; returns it only when there is no error. */
export function validateCorpus(input: CorpusInput): { corpus: Corpus | null; errors: CorpusError[] } {
  const errors: CorpusError[] = [];
  const categories = validateCategories(input.categories, errors);
  const categoryIds = new Set(categories.map((c) => c.id));
  const sources: Source[] = [];
  const texts = new Map<string, string | null>();
  for (const f of input.sources) {
    const s = validateSource(f, errors);
    if (!s) continue;
    if (texts.has(s.id)) errors.push({ file: f.file, field: 'id', message: `duplicate source "${s.id}"` });
    sources.push(s);
    texts.set(s.id, f.text === null ? null : normalizeForQuote(f.text));
  }
  const ctx: QuoteContext = { sources: texts };
  const topics: Topic[] = [];
  const aliasOwner = new Map<string, string>();
  for (const f of input.topics) {
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
  // Claim events name their partner topics, which may be declared in any file.
  const ids = new Set(topics.map((t) => t.id));
  for (const f of input.topics) {
    if (!Array.isArray(f.data)) continue;
    for (const t of topics.filter((x) => (f.data as unknown[]).some((o) => isObj(o) && o.id === x.id))) {
      t.claimEvents?.forEach((e, i) =>
        e.with.forEach((id, j) => {
          if (!ids.has(id)) errors.push({ file: f.file, topic: t.id, field: `claimEvents[${i}].with[${j}]`, message: `unknown topic "${id}"` });
        }),
      );
    }
  }
  // Look-alikes are checked once every alias is known, whichever file declares it.
  for (const f of input.topics) {
    if (!Array.isArray(f.data)) continue;
    for (const t of topics.filter((x) => (f.data as unknown[]).some((o) => isObj(o) && o.id === x.id))) {
      (t.notAliases ?? []).forEach((look, j) => {
        const owner = aliasOwner.get(fold(look));
        if (owner !== undefined)
          errors.push({ file: f.file, topic: t.id, field: `notAliases[${j}]`, message: `"${look}" is an alias of topic "${owner}"` });
      });
    }
  }
  return { corpus: errors.length ? null : { categories, sources, topics }, errors };
}
