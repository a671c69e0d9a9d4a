// @vitest-environment happy-dom
// The registry's reading order: runs of one walk compare by their rank (no DOM call), runs of
// different walks (a rescan) through the DOM; either way the keyboard and the report see the
// page's order, whatever order the mentions were added in.
import { describe, expect, it } from 'vitest';
import { createMentionRegistry, type PageMention } from '../../src/content/mentions';
import { createRunWalker, type TextRun } from '../../src/content/text-runs';
import type { TopicHead } from '../../src/core/corpus-types';

const head = { id: 'shikotan', name: 'Shikotan', category: 'places' } as TopicHead;

/** A mention of `length` characters of a run from `at`, placed as the annotator places it. */
const mentionIn = (run: TextRun, length = 3, at = 0): PageMention => ({
  head,
  category: undefined,
  alias: 'x',
  rule: 'alias',
  text: run.text.slice(at, at + length),
  start: { node: run.nodes[0]!, offset: at },
  end: { node: run.nodes[0]!, offset: at + length },
  nodes: [run.nodes[0]!],
  place: run.place,
  runOffset: at,
});

const runsOf = (root: Element, from: Element | null = null) => {
  const walker = createRunWalker(root, from);
  const runs: TextRun[] = [];
  for (let r = walker.next(); r; r = walker.next()) runs.push(r);
  return runs;
};

describe('the mention registry', () => {
  it('keeps reading order for a walk that starts mid-page and wraps round', () => {
    document.body.innerHTML = '<p>one</p><p>two</p><p id="from">three</p><p>four</p>';
    const runs = runsOf(document.body, document.getElementById('from'));
    expect(runs.map((r) => r.text)).toEqual(['three', 'four', 'one', 'two']);
    const registry = createMentionRegistry();
    registry.add([mentionIn(runs[0]!, 2, 3), ...runs.map((r) => mentionIn(r))]);
    expect(registry.ordered().map((m) => m.text)).toEqual(['one', 'two', 'thr', 'ee', 'fou']);
  });

  it('orders mentions of two walks (a rescan) by their place in the page', () => {
    document.body.innerHTML = '<p>alpha</p><div id="later"><p>gamma</p></div><p>delta</p>';
    const first = runsOf(document.body);
    const registry = createMentionRegistry();
    registry.add(first.map((r) => mentionIn(r)));
    // The page adds text early on; only that block is read again.
    const added = document.createElement('p');
    added.textContent = 'beta';
    document.getElementById('later')!.prepend(added);
    registry.add(runsOf(added).map((r) => mentionIn(r)));
    expect(registry.ordered().map((m) => m.text)).toEqual(['alp', 'bet', 'gam', 'del']);
  });
});
