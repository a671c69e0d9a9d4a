// The text the first script asks its gate about (content/index.ts): the page's text nodes in
// order, up to a limit, with a line break wherever the matcher's runs of text end.

import { QUICK_LIMIT } from '../core/gate';
import { ELEMENT_NODE, isInline, SHOW_ELEMENT, SHOW_TEXT } from './inline';

/**
 * Pages with more text than this go straight to the matcher: on that much text a few of the
 * gate's needles are common words, so asking would cost more than it saves.
 */
export const GATE_TEXT_LIMIT = 32_768;
/** Text before a chunk asked about with it, so a name across the chunk's start is asked about whole. */
export const CHUNK_OVERLAP = 256;
/**
 * The gate is asked about each this much of new text as it is read: a page that names a topic near
 * its top (most that do) goes on to the matcher without the rest of its text being read here; the
 * rest after the last chunk is asked about at the end.
 */
export const GATE_CHUNK = QUICK_LIMIT - CHUNK_OVERLAP;
/** Text the matcher never reads (zones.ts excludes these and more); here only to ask less. */
const UNREAD = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA']);

/** The element a text node's line of text belongs to (the matcher never reads a name across two). */
function blockOf(text: Node): Node | null {
  let at = text.parentNode;
  while (at && at.nodeType === ELEMENT_NODE && isInline(at as Element)) at = at.parentNode;
  return at;
}

/**
 * The page's text, or null (go on to the matcher) if there is more than GATE_TEXT_LIMIT of it or
 * a chunk of it `mayName` a topic (every chunk is asked, the last at the end): read node by node, so a big page costs no more than
 * its first GATE_TEXT_LIMIT characters, and one naming a topic early hardly more than that chunk. Where the matcher's runs of
 * text end (a block, a <br>, a button), a line break is put in, so a name that starts a block
 * after a word ("<h2>Tokyo</h2><p>Shikotan…") starts a word here too.
 */
export function pageText(root: Node, mayName: (text: string) => boolean = () => false): string | null {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
  let text = '';
  let block: Node | null = null;
  let broken = false;
  let asked = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === ELEMENT_NODE) {
      if (!isInline(n as Element)) broken = true;
      continue;
    }
    if (UNREAD.has(n.parentNode?.nodeName ?? '')) continue;
    const here = blockOf(n);
    text += broken || here !== block ? `\n${(n as Text).data}` : (n as Text).data;
    block = here;
    broken = false;
    if (text.length > GATE_TEXT_LIMIT) return null;
    if (text.length - asked >= GATE_CHUNK) {
      if (mayName(text.slice(Math.max(0, asked - CHUNK_OVERLAP)))) return null;
      asked = text.length;
    }
  }
  // The rest, with its overlap: each part of the text is asked about once.
  const rest = asked === 0 ? text : text.slice(asked - CHUNK_OVERLAP);
  return text.length > asked && mayName(rest) ? null : text;
}
