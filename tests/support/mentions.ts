// Mentions built by hand over a test page's text nodes, the shape the scanner gives the painters,
// for tests of one painter or the tooltip host without a scan.

import type { PageMention } from '../../src/content/mentions';
import type { TopicHead } from '../../src/core/corpus-types';

export const SHIKOTAN: TopicHead = { id: 'shikotan', name: 'Shikotan', category: 'places' };

/** A mention of `text` where it first appears in `within`'s text nodes (one node, or across several). */
export function mentionOfText(within: Node, text: string, head: TopicHead = SHIKOTAN, extra: Partial<PageMention> = {}): PageMention {
  const nodes: Text[] = [];
  const walker = within.ownerDocument!.createTreeWalker(within, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const whole = nodes.map((n) => n.data).join('');
  const at = whole.indexOf(text);
  if (at < 0) throw new Error(`"${text}" is not in the page`);
  const covered: Text[] = [];
  let start: PageMention['start'] | null = null;
  let end: PageMention['end'] | null = null;
  let offset = 0;
  for (const node of nodes) {
    const from = offset;
    offset += node.data.length;
    if (offset <= at || from >= at + text.length) continue;
    covered.push(node);
    start ??= { node, offset: at - from };
    end = { node, offset: Math.min(node.data.length, at + text.length - from) };
  }
  return { head, category: undefined, alias: text, rule: 'alias', text, start: start!, end: end!, nodes: covered, ...extra };
}

/** A mention of characters `from` to `to` of one text node. */
export function mentionInNode(node: Text, from: number, to: number, head: TopicHead = SHIKOTAN, extra: Partial<PageMention> = {}): PageMention {
  const text = node.data.slice(from, to);
  return {
    head,
    category: undefined,
    alias: text,
    rule: 'alias',
    text,
    start: { node, offset: from },
    end: { node, offset: to },
    nodes: [node],
    ...extra,
  };
}
