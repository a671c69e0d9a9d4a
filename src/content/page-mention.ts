// A mention as the page holds it: a stretch of a run's text mapped back to the page's text nodes.

import type { Category, TopicHead } from '../core/corpus-types';
import type { PageMention } from './mentions';
import type { PaintMode } from './painter';
import { nodeIndexAt, nodesBetween } from './run-points';
import type { TextRun } from './text-runs';

export type MentionFields = Pick<PageMention, 'alias' | 'rule' | 'check'>;

export function pageMention(
  run: TextRun,
  start: number,
  end: number,
  head: TopicHead,
  category: Category | undefined,
  fields: MentionFields,
): PageMention {
  const a = nodeIndexAt(run, start);
  // The end is exclusive: it belongs to the node holding the last character.
  const b = nodeIndexAt(run, Math.max(start, end - 1));
  // Every field written, in one order: one shape for all mentions (tens of thousands on a big page).
  return {
    head,
    category,
    alias: fields.alias,
    rule: fields.rule,
    check: fields.check,
    text: ownCopy(run.text.slice(start, end)),
    start: { node: run.nodes[a]!, offset: start - run.starts[a]! },
    end: { node: run.nodes[b]!, offset: end - run.starts[b]! },
    nodes: nodesBetween(run, a, b),
    place: run.place,
    runOffset: start,
    range: undefined,
    parents: undefined,
  };
}

/**
 * Whether a mention found earlier in a scan still lies on its text: the page may have changed or
 * removed it before the batch was painted. (Marks cut the page's nodes, so in mark mode only
 * their being in the page is checked.)
 */
export function liesOnItsText(m: PageMention, mode: PaintMode | undefined): boolean {
  if (!m.nodes.every((n) => n.isConnected)) return false;
  if (mode !== 'highlights') return true;
  let text = '';
  for (const n of m.nodes) text += n.data.slice(n === m.start.node ? m.start.offset : 0, n === m.end.node ? m.end.offset : n.data.length);
  return text === m.text;
}

/**
 * A string that doesn't keep a larger one alive: a slice of a run's text would otherwise hold the
 * whole paragraph (on a 5 MB page, most of its text) for as long as the mention lives.
 */
function ownCopy(s: string): string {
  return `${s} `.slice(0, -1);
}
