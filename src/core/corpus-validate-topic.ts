// Validates one topic as authored, field group by field group: its identity, its sourced
// sections (facts, viewpoints, names, discrepancies, claims), how it is matched on a page, and
// what its claims are checked through. Checks that need every topic (ids and aliases unique,
// claimEvents partners, look-alikes) are validateCorpus's.

import type { Alias, Claim, Discrepancy, Fact, NameUsage, Topic, Viewpoint } from './corpus-types';
import { validateClaim, validateClaimEvents, validateDatedEvents } from './corpus-validate-claims';
import { type QuoteContext, type Reporter, requireText, validateList, validateQuotes } from './corpus-validate-fields';
import { isObj, isText, isTexts, type Obj } from './guards';
import { CORPUS_ID } from './ids';

export const aliasText = (a: Alias): string => (typeof a === 'string' ? a : a.text);
export const isAmbiguous = (a: Alias): boolean => typeof a !== 'string';

/** The sourced sections of a topic, each as validated (undefined: the optional section is absent). */
interface Sections {
  facts: Fact[];
  viewpoints: Viewpoint[] | undefined;
  names: NameUsage[] | undefined;
  discrepancies: Discrepancy[] | undefined;
  claims: (Claim | null)[] | undefined;
}

function validateTopicId(v: unknown, r: Reporter): void {
  if (!isText(v)) r.fail('id', 'is required');
  else if (!CORPUS_ID.test(v)) r.fail('id', 'must be lower-case kebab-case');
}

/** `expectedCategory`: the category the topic's file is named for, if any. */
function validateCategory(o: Obj, expectedCategory: string | null, categories: Set<string>, r: Reporter): string {
  const category = requireText(o, 'category', r);
  if (category && !categories.has(category)) r.fail('category', `unknown category "${category}"`);
  if (category && expectedCategory && category !== expectedCategory)
    r.fail('category', `"${category}" does not belong in a file of category "${expectedCategory}"`);
  return category;
}

/** Errors come out in the order the sections are listed here (facts first, claims last). */
function validateSections(o: Obj, r: Reporter, ctx: QuoteContext): Sections {
  const optional = { optional: true };
  const facts = validateList(
    o.facts,
    'facts',
    r,
    (f, p): Fact => ({ text: requireText(f, 'text', r, `${p}.text`), quotes: validateQuotes(f.quotes, `${p}.quotes`, r, ctx) }),
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
    optional,
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
    optional,
  );
  // A discrepancy sets two passages side by side: it quotes both.
  const discrepancies = validateList(
    o.discrepancies,
    'discrepancies',
    r,
    (d, p): Discrepancy => ({
      about: requireText(d, 'about', r, `${p}.about`),
      note: requireText(d, 'note', r, `${p}.note`),
      quotes: validateQuotes(d.quotes, `${p}.quotes`, r, ctx, 2),
    }),
    optional,
  );
  const claims = validateList(o.claims, 'claims', r, (c, p) => validateClaim(c, p, r, ctx), optional);
  return { facts, viewpoints, names, discrepancies, claims };
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

/** An optional true/false field; only `true` is kept, so a topic's JSON carries what it opts into. */
function validateFlag(o: Obj, field: 'pageAnchor' | 'needsContext', topic: Topic, r: Reporter): void {
  const v = o[field];
  if (v === undefined) return;
  if (typeof v !== 'boolean') r.fail(field, 'must be true or false');
  else if (v) topic[field] = true;
}

/** An anchor topic's own aliases that don't show a page is about the dispute (Topic.notAnchoring). */
function validateNotAnchoring(v: unknown, topic: Topic, r: Reporter): string[] | null {
  const names = new Set(topic.aliases.map(aliasText));
  let problem: string | undefined;
  if (!isTexts(v)) problem = 'must be an array of strings';
  else if (!topic.pageAnchor) problem = 'is only for a topic with "pageAnchor": true';
  else {
    const unknown = v.find((n) => !names.has(n));
    if (unknown !== undefined) problem = `"${unknown}" is not one of the topic's aliases`;
  }
  if (problem === undefined) return v as string[];
  r.fail('notAnchoring', problem);
  return null;
}

/** How the topic is matched on a page: its flags, the aliases that don't anchor, its look-alikes. */
function validateMatching(o: Obj, topic: Topic, r: Reporter): void {
  validateFlag(o, 'pageAnchor', topic, r);
  validateFlag(o, 'needsContext', topic, r);
  if (o.notAnchoring !== undefined) {
    const names = validateNotAnchoring(o.notAnchoring, topic, r);
    if (names) topic.notAnchoring = names;
  }
  if (o.notAliases !== undefined) {
    if (!isTexts(o.notAliases)) r.fail('notAliases', 'must be an array of strings');
    else topic.notAliases = o.notAliases;
  }
}

function validateClaimsVia(v: unknown, topic: Topic, r: Reporter): void {
  const names = new Set(topic.aliases.map(aliasText));
  if (!isTexts(v) || v.length === 0) {
    r.fail('claimsVia', 'must list the aliases claims are checked through');
    return;
  }
  v.forEach((a, i) => {
    if (!names.has(a)) r.fail(`claimsVia[${i}]`, `"${a}" is not an alias of this topic`);
  });
  topic.claimsVia = v;
}

/** What the claims are checked through: some of the aliases, and phrases that stand for the event. */
function validateClaimChecks(o: Obj, topic: Topic, r: Reporter): void {
  if (o.claimsVia !== undefined) validateClaimsVia(o.claimsVia, topic, r);
  if (o.claimEvents !== undefined) {
    const rules = validateClaimEvents(o.claimEvents, r);
    if (rules && !topic.claims?.length) r.fail('claimEvents', 'needs claims to check');
    else if (rules && validateDatedEvents(rules, topic.claims, r)) topic.claimEvents = rules;
  }
}

/**
 * Validates one topic object; every error goes to `r0`, at the topic's id. The returned topic's
 * keys are set in a fixed order: the build hashes the corpus as JSON for its version.
 */
export function validateTopic(o: Obj, expectedCategory: string | null, r0: Reporter, ctx: QuoteContext, categories: Set<string>): Topic {
  const id = isText(o.id) ? o.id : '(no id)';
  const r = r0.at(id);
  validateTopicId(o.id, r);
  const category = validateCategory(o, expectedCategory, categories, r);
  const sections = validateSections(o, r, ctx);
  const topic: Topic = {
    id,
    name: requireText(o, 'name', r),
    category,
    aliases: validateAliases(o.aliases, r),
    summary: requireText(o, 'summary', r),
    facts: sections.facts,
  };
  validateMatching(o, topic, r);
  if (sections.viewpoints) topic.viewpoints = sections.viewpoints;
  if (sections.claims) topic.claims = sections.claims.filter((c): c is Claim => c !== null);
  validateClaimChecks(o, topic, r);
  if (sections.names) topic.names = sections.names;
  if (sections.discrepancies) topic.discrepancies = sections.discrepancies;
  return topic;
}
