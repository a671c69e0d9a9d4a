// Where a line of text ends: the part of zones.ts the first script needs too (kept apart so
// content.js doesn't carry the exclusion lists).

/** DOM enums by name (Node, NodeFilter), usable before a window is at hand. */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const SHOW_ELEMENT = 0x1;
export const SHOW_TEXT = 0x4;
export const DOCUMENT_POSITION_FOLLOWING = 4;

/** Elements that flow inside a line of text; any other element ends a run (local names). */
const INLINE = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'q',
  'rb',
  'rp',
  'rt',
  'ruby',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'nobr',
]);

export function isInline(el: Element): boolean {
  // localName: no upper-casing of tagName for every element of the page (XHTML writes it lower case too).
  return INLINE.has(el.localName);
}

/** The same test for an element whose local name the caller has read already (the walk reads it once). */
export function isInlineName(localName: string): boolean {
  return INLINE.has(localName);
}
