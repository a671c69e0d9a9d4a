// What everything read from outside (stored data, packs, messages, the corpus) is checked with
// before it is trusted.

export type Obj = Record<string, unknown>;

/** A plain object (not null, not an array). */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string with something in it besides whitespace. */
export const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** An array of strings that each have something in them (the array itself may be empty). */
export const isTexts = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);

/** DNS caps a hostname at 253 characters. */
const MAX_HOST_CHARS = 253;

/** A site as settings and wrong matches store it: a hostname's letters, digits, dots and hyphens. */
export const isHost = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_HOST_CHARS && /^[a-z0-9.-]+$/i.test(v);
