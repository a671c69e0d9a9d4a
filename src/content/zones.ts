// What the scanner may read and where a mention's run of text ends.

/** The marks Backstory adds; also how its own highlights are told from a page's own <mark>s. */
export const MARK_CLASS = 'backstory-mark';
export const TOOLTIP_TAG = 'backstory-tooltip';

/**
 * Never annotated: form fields, editable regions, code, scripts and styles, vector graphics,
 * and Backstory's own UI (including existing highlights, so a rescan never nests them).
 */
export const EXCLUDED = [
  'input',
  'textarea',
  'select',
  'option',
  'button',
  '[contenteditable]',
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
  '[data-annotation-tooltip]',
  `mark.${MARK_CLASS}`,
];

export const EXCLUDED_SELECTOR = EXCLUDED.join(',');

/** The same zones as mark.js wants them: it tests only a text node's parent, so list descendants too. */
export const EXCLUDED_FOR_MARKJS = EXCLUDED.flatMap((s) => [s, `${s} *`]);

/** Elements that flow inside a line of text; any other element ends a run. */
const INLINE = new Set([
  'A', 'ABBR', 'ACRONYM', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I',
  'INS', 'LABEL', 'MARK', 'Q', 'RB', 'RP', 'RT', 'RUBY', 'S', 'SMALL', 'SPAN', 'STRIKE', 'STRONG',
  'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR', 'NOBR',
]);

export function isInline(el: Element): boolean {
  return INLINE.has(el.tagName.toUpperCase());
}

export function isExcluded(el: Element): boolean {
  return el.matches(EXCLUDED_SELECTOR);
}
