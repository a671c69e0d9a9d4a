// What the scanner may read and where a mention's run of text ends.

export { DOCUMENT_POSITION_FOLLOWING, ELEMENT_NODE, isInline, isInlineName, SHOW_ELEMENT, SHOW_TEXT, TEXT_NODE } from './inline';

/** The marks Backstory adds; also how its own highlights are told from a page's own <mark>s. */
export const MARK_CLASS = 'backstory-mark';
export const TOOLTIP_TAG = 'backstory-tooltip';

/**
 * Never annotated: form fields, editable regions, code, scripts and styles, vector graphics,
 * and Backstory's own UI (including existing highlights, so a rescan never nests them).
 * Kept as tag names and attributes so the walker can test an element without selector
 * matching (it runs for every element of every page); the selector forms below derive from them.
 */
const EXCLUDED_TAGS = new Set([
  'input',
  'textarea',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'head',
  'title',
  TOOLTIP_TAG,
  'backstory-status',
]);
const EXCLUDED_ATTRIBUTES = ['contenteditable', 'data-annotation-tooltip'];

export const EXCLUDED = [...EXCLUDED_TAGS, ...EXCLUDED_ATTRIBUTES.map((a) => `[${a}]`), `mark.${MARK_CLASS}`];

export const EXCLUDED_SELECTOR = EXCLUDED.join(',');

/** The same test as `el.matches(EXCLUDED_SELECTOR)`, without a selector engine (`name`: its local name, if read already). */
export function isExcluded(el: Element, name: string = el.localName): boolean {
  if (EXCLUDED_TAGS.has(name)) return true;
  if (name === 'mark' && el.classList.contains(MARK_CLASS)) return true;
  // Most elements have no attribute at all: one call answers for them.
  return el.hasAttributes() && EXCLUDED_ATTRIBUTES.some((a) => el.hasAttribute(a));
}
