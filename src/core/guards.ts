// What everything read from outside (stored data, packs, messages, the corpus) is checked with
// before it is trusted.

export type Obj = Record<string, unknown>;

/** A plain object (not null, not an array). */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string with something in it besides whitespace. */
export const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
