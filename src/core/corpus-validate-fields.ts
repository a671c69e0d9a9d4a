// The building blocks of corpus validation: an error reporter that names file, topic and field,
// required and nullable text fields, lists, and quotes checked verbatim against their sources.

import type { QuoteRef } from './corpus-types';
import { MAX_QUOTE_CHARS } from './reader-link';
import { isObj, isText, type Obj } from './guards';
import { normalizeForQuote } from './text-fold';

export interface CorpusError {
  file: string;
  topic?: string;
  field: string;
  message: string;
}

export class Reporter {
  constructor(
    private file: string,
    private topic?: string,
    readonly errors: CorpusError[] = [],
  ) {}
  at(topic: string): Reporter {
    return new Reporter(this.file, topic, this.errors);
  }
  fail(field: string, message: string): void {
    this.errors.push({ file: this.file, topic: this.topic, field, message });
  }
}

export function requireText(o: Obj, field: string, r: Reporter, path = field): string {
  const v = o[field];
  if (!isText(v)) {
    r.fail(path, v === undefined ? 'is required' : 'must be a non-empty string');
    return '';
  }
  return v;
}

export function nullableText(o: Obj, field: string, r: Reporter): string | null {
  const v = o[field];
  if (v === null) return null;
  if (!isText(v)) {
    r.fail(field, v === undefined ? 'is required (use null where the document does not say)' : 'must be a non-empty string or null');
    return null;
  }
  return v;
}

export interface QuoteContext {
  /** Source id → its normalized text; null when the text is missing (reported once, on the source). */
  sources: Map<string, string | null>;
}

export function validateQuotes(v: unknown, path: string, r: Reporter, ctx: QuoteContext, min = 1): QuoteRef[] {
  if (!Array.isArray(v)) {
    r.fail(path, 'must be an array of quotes');
    return [];
  }
  if (v.length < min) r.fail(path, `needs at least ${min} quote${min > 1 ? 's' : ''}`);
  return v.flatMap((q, i): QuoteRef[] => {
    const p = `${path}[${i}]`;
    if (!isObj(q)) {
      r.fail(p, 'must be an object with source and text');
      return [];
    }
    const source = requireText(q, 'source', r, `${p}.source`);
    const text = requireText(q, 'text', r, `${p}.text`);
    // A quote is a passage a reader can open in its source (reader-link.ts carries it in an address).
    if (text.length > MAX_QUOTE_CHARS) r.fail(`${p}.text`, `is ${text.length} characters long; quote a passage of at most ${MAX_QUOTE_CHARS}`);
    if (source && text) {
      const body = ctx.sources.get(source);
      if (body === undefined) r.fail(`${p}.source`, `unknown source "${source}"`);
      else if (body !== null && !body.includes(normalizeForQuote(text)))
        r.fail(`${p}.text`, `not found verbatim in source "${source}": "${text.slice(0, 80)}${text.length > 80 ? '…' : ''}"`);
    }
    return [{ source, text }];
  });
}

export function validateList<T>(
  v: unknown,
  path: string,
  r: Reporter,
  each: (o: Obj, p: string) => T,
  options: { optional?: boolean; min?: number } = {},
): T[] | undefined {
  if (v === undefined && options.optional) return undefined;
  if (!Array.isArray(v)) {
    r.fail(path, v === undefined ? 'is required' : 'must be an array');
    return [];
  }
  if (v.length < (options.min ?? 0)) r.fail(path, `needs at least ${options.min}`);
  return v.flatMap((o, i) => {
    if (!isObj(o)) {
      r.fail(`${path}[${i}]`, 'must be an object');
      return [];
    }
    return [each(o, `${path}[${i}]`)];
  });
}
