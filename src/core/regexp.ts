// Text put into a RegExp source as itself.

/** Escapes every character a RegExp source gives a meaning to. */
export const escapeRegExp = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
