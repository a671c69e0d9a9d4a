// @vitest-environment happy-dom
// Properties over random DOMs: annotating never changes the text, never touches an excluded zone,
// and switching off restores the original DOM node for node.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnnotator } from '../../src/content/annotator';
import { EXCLUDED_SELECTOR } from '../../src/content/zones';
import { createMatcher } from '../../src/core/matcher';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { miniIndex } from '../core/mini-corpus';

const index = miniIndex();
const matcher = createMatcher(index);

type Tree = { kind: 'text'; text: string } | { kind: 'el'; tag: string; editable: boolean; children: Tree[] };

const WORDS = [
  'Shikotan', 'Northern', 'Territories', 'Northern Territories', 'the ', '1956', ' Declaration', 'Abe', ' Moscow',
  'Курил', 'ьских', '北方領土', ' ', '\n', '. ', 'Hokkaidō', 'Soviet–Japanese Joint Declaration', 'Joint', 'x', ' Japan ', ' Russia ',
];
const TAGS = ['p', 'div', 'span', 'em', 'b', 'a', 'li', 'h2', 'code', 'pre', 'textarea', 'script', 'section', 'br', 'svg', 'button'];

const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((ws): Tree => ({ kind: 'text', text: ws.join('') }));
const { tree } = fc.letrec<{ tree: Tree; element: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('element')),
  element: fc.record({
    kind: fc.constant('el' as const),
    tag: fc.constantFrom(...TAGS),
    editable: fc.boolean(),
    children: fc.array(tie('tree'), { maxLength: 4 }),
  }),
}));

function build(parent: Node, t: Tree): void {
  if (t.kind === 'text') {
    parent.appendChild(document.createTextNode(t.text));
    return;
  }
  const el = document.createElement(t.tag);
  if (t.editable && t.tag === 'div') el.setAttribute('contenteditable', 'true');
  if (t.tag !== 'br') {
    // Text-only elements get their children's text; others get the subtree.
    for (const c of t.children) {
      if (t.tag === 'textarea' || t.tag === 'script') el.appendChild(document.createTextNode(c.kind === 'text' ? c.text : 'x'));
      else build(el, c);
    }
  }
  parent.appendChild(el);
}

function allNodes(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    out.push(n);
    n.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

describe('annotating random pages', () => {
  it('keeps the text, leaves excluded zones alone, and restores every node on removal', async () => {
    let highlighted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { minLength: 1, maxLength: 5 }), async (forest) => {
        document.body.innerHTML = '';
        for (const t of forest) build(document.body, t);
        const nodes = allNodes(document.body);
        const data = nodes.map((n) => (n.nodeType === 3 ? (n as Text).data : null));
        const textBefore = document.body.textContent;
        const zones = [...document.body.querySelectorAll(EXCLUDED_SELECTOR)].map((z) => z.outerHTML);

        const annotator = createAnnotator({ doc: document, index, matcher });
        await annotator.apply(DEFAULT_SETTINGS, true);
        expect(document.body.textContent).toBe(textBefore);
        expect([...document.body.querySelectorAll(EXCLUDED_SELECTOR)].filter((z) => !z.matches('mark')).map((z) => z.outerHTML)).toEqual(zones);
        for (const m of document.querySelectorAll('mark[data-annotation-id]')) expect(m.closest(EXCLUDED_SELECTOR.replace(/,?mark\.backstory-mark/, ''))).toBeNull();

        highlighted += document.querySelectorAll('mark[data-annotation-id]').length;
        await annotator.apply(DEFAULT_SETTINGS, false);
        annotator.destroy();
        const after = allNodes(document.body);
        expect(after.length).toBe(nodes.length);
        after.forEach((n, i) => expect(n).toBe(nodes[i]));
        expect(after.map((n) => (n.nodeType === 3 ? (n as Text).data : null))).toEqual(data);
      }),
      { numRuns: 1000 },
    );
    // The property is only worth something if the random pages really get highlighted.
    expect(highlighted).toBeGreaterThan(500);
  }, 120_000);
});
