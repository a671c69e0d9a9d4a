// @vitest-environment happy-dom
// Properties over random DOMs: annotating never changes the text, never touches an excluded zone,
// and switching off restores the original DOM node for node.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { EXCLUDED_SELECTOR } from '../../src/content/zones';
import { createMatcher } from '../../src/core/matcher';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { miniIndex } from '../core/mini-corpus';
import { highlightedMentions, highlightsOnPage, installHighlightApi, testAnnotator } from '../support/content';

const index = miniIndex();
const matcher = createMatcher(index);

type Tree = { kind: 'text'; text: string } | { kind: 'el'; tag: string; editable: boolean; children: Tree[] };

const WORDS = [
  'Shikotan',
  'Northern',
  'Territories',
  'Northern Territories',
  'the ',
  '1956',
  ' Declaration',
  'Abe',
  ' Moscow',
  'Курил',
  'ьских',
  '北方領土',
  ' ',
  '\n',
  '. ',
  'Hokkaidō',
  'Soviet–Japanese Joint Declaration',
  'Joint',
  'x',
  ' Japan ',
  ' Russia ',
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

async function annotate(mode: 'highlights' | 'marks') {
  const controller = new AbortController();
  const annotator = testAnnotator(index, { matcher, signal: controller.signal });
  await annotator.apply({ ...DEFAULT_SETTINGS, paintMode: mode }, true);
  return { annotator, stop: () => controller.abort() };
}

const painted = () => highlightsOnPage(document).length;

describe('annotating random pages', () => {
  it('marks: keeps the text, leaves excluded zones alone, and restores every node on removal', async () => {
    let highlighted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { minLength: 1, maxLength: 5 }), async (forest) => {
        document.body.innerHTML = '';
        for (const t of forest) build(document.body, t);
        const nodes = allNodes(document.body);
        const data = nodes.map((n) => (n.nodeType === 3 ? (n as Text).data : null));
        const textBefore = document.body.textContent;
        const zones = [...document.body.querySelectorAll(EXCLUDED_SELECTOR)].map((z) => z.outerHTML);

        const { annotator, stop } = await annotate('marks');
        expect(document.body.textContent).toBe(textBefore);
        expect([...document.body.querySelectorAll(EXCLUDED_SELECTOR)].filter((z) => !z.matches('mark')).map((z) => z.outerHTML)).toEqual(zones);
        for (const m of document.querySelectorAll('mark[data-annotation-id]'))
          expect(m.closest(EXCLUDED_SELECTOR.replace(/,?mark\.backstory-mark/, ''))).toBeNull();

        highlighted += document.querySelectorAll('mark[data-annotation-id]').length;
        await annotator.apply(DEFAULT_SETTINGS, false);
        stop();
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

  it('highlights: never changes the body, paints each mention over exactly its text, and clears every range when off', async () => {
    const uninstall = installHighlightApi();
    let ranges = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(tree, { minLength: 1, maxLength: 5 }), async (forest) => {
          document.body.innerHTML = '';
          for (const t of forest) build(document.body, t);
          const html = document.body.innerHTML;
          const mutations: MutationRecord[] = [];
          const observer = new MutationObserver((r) => mutations.push(...r));
          observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });

          const { annotator, stop } = await annotate('highlights');
          mutations.push(...observer.takeRecords());
          expect(mutations).toEqual([]);
          expect(document.body.innerHTML).toBe(html);
          const mentions = annotator.mentions();
          // One range per mention, over exactly the text that was matched, never inside an excluded zone.
          expect(painted()).toBe(mentions.length);
          expect(highlightedMentions(document).map(([t]) => t)).toEqual(mentions.map((m) => m.text));
          for (const m of mentions) expect(m.start.node.parentElement!.closest(EXCLUDED_SELECTOR)).toBeNull();
          ranges += mentions.length;

          await annotator.apply(DEFAULT_SETTINGS, false);
          expect(painted()).toBe(0);
          stop();
          observer.disconnect();
          expect(document.body.innerHTML).toBe(html);
        }),
        { numRuns: 1000 },
      );
    } finally {
      uninstall();
    }
    expect(ranges).toBeGreaterThan(500);
  }, 120_000);
});
