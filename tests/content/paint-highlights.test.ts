// @vitest-environment happy-dom
// The highlight painter and its two pieces: the named Highlight objects it keeps in the page's
// CSS.highlights (what the page contract exposes, and what a page may meddle with), and the hit
// test that finds the mention under the pointer without any element to hover.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTextParents } from '../../src/content/highlight-hits';
import { createMentionRegistry, type MentionCheck, type MentionRegistry, type PageMention } from '../../src/content/mentions';
import { createHighlightPainter } from '../../src/content/paint-highlights';
import type { Painter } from '../../src/content/painter';
import type { TopicHead } from '../../src/core/corpus-types';
import { highlightsOnPage, installHighlightApi, rangeText } from '../support/content';
import { mentionInNode, mentionOfText } from '../support/mentions';

const DECLARATION: TopicHead = { id: 'joint-declaration-1956', name: '1956 Declaration', category: 'agreements' };
const CONFLICT: MentionCheck = { verdict: 'conflict', claims: [0], stated: '1957', sentence: '' };
const registryOnPage = () => (window as unknown as { CSS: { highlights: Map<string, Highlight> } }).CSS.highlights;
const focused = () => [...(registryOnPage().get('backstory-focus') ?? [])];

let uninstall: () => void = () => undefined;
let registry: MentionRegistry;
let painter: Painter;

beforeEach(() => {
  uninstall = installHighlightApi();
  registry = createMentionRegistry();
  painter = createHighlightPainter(document, registry);
});
afterEach(() => uninstall());

function paint(...mentions: PageMention[]): void {
  registry.add(mentions);
  painter.add(mentions);
}

describe('the highlight painter', () => {
  it('paints each mention in its category’s highlight and a checked statement in its verdict’s, drawn on top', () => {
    document.body.innerHTML = '<p>Shikotan and the 1956 Declaration, signed in 1957.</p>';
    const p = document.querySelector('p')!;
    const check = mentionOfText(p, '1957', DECLARATION, { check: CONFLICT });
    paint(mentionOfText(p, 'Shikotan'), mentionOfText(p, '1956 Declaration', DECLARATION), check);
    expect(highlightsOnPage(document)).toEqual([
      ['Shikotan', 'backstory-places'],
      ['1956 Declaration', 'backstory-agreements'],
      ['1957', 'backstory-check-conflict'],
    ]);
    expect(registryOnPage().get('backstory-check-conflict')!.priority).toBeGreaterThan(registryOnPage().get('backstory-places')!.priority);
    expect(document.body.innerHTML).toBe('<p>Shikotan and the 1956 Declaration, signed in 1957.</p>');
  });

  it('puts its highlight back when the page deleted it from CSS.highlights', () => {
    document.body.innerHTML = '<p>Shikotan, then Shikotan.</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    paint(mentionInNode(text, 0, 8));
    registryOnPage().delete('backstory-places');
    paint(mentionInNode(text, 15, 23));
    expect(highlightsOnPage(document)).toEqual([
      ['Shikotan', 'backstory-places'],
      ['Shikotan', 'backstory-places'],
    ]);
  });

  it('shows where the keyboard is over everything else, one mention at a time, and drops it with the mention', () => {
    document.body.innerHTML = '<p>Shikotan and the 1956 Declaration, signed in 1957.</p>';
    const p = document.querySelector('p')!;
    const a = mentionOfText(p, 'Shikotan');
    const b = mentionOfText(p, '1957', DECLARATION, { check: CONFLICT });
    paint(a, b);
    expect(painter.focus(a)).toBeNull();
    painter.focus(b);
    expect(focused().map((r) => rangeText(document, r))).toEqual(['1957']);
    expect(registryOnPage().get('backstory-focus')!.priority).toBeGreaterThan(registryOnPage().get('backstory-check-conflict')!.priority);
    painter.remove([b]);
    expect(focused()).toEqual([]);
    expect(highlightsOnPage(document)).toEqual([['Shikotan', 'backstory-places']]);
  });

  it('clearing the keyboard’s place after everything was taken down registers nothing', () => {
    painter.focus(null);
    expect(registryOnPage().size).toBe(0);
  });

  it('takes only its own highlights out of CSS.highlights when cleared, leaving the page’s', () => {
    document.body.innerHTML = '<p>Shikotan and the 1956 Declaration.</p>';
    const own = new Highlight();
    registryOnPage().set('page-own', own);
    paint(mentionOfText(document.body, 'Shikotan'), mentionOfText(document.body, '1956 Declaration', DECLARATION));
    // A page that put its own highlight under one of our names keeps it.
    const replaced = new Highlight();
    registryOnPage().set('backstory-agreements', replaced);
    painter.clear();
    expect([...registryOnPage().entries()]).toEqual([
      ['page-own', own],
      ['backstory-agreements', replaced],
    ]);
  });

  it('has no place on screen for a mention whose text the page removed or shortened', () => {
    document.body.innerHTML = '<p>On Shikotan.</p><p>Shikotan</p>';
    const [first, second] = [...document.querySelectorAll('p')].map((p) => mentionOfText(p, 'Shikotan'));
    paint(first!, second!);
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 80, 20));
    try {
      expect(painter.rectOf(first!)).toEqual(new DOMRect(0, 0, 80, 20));
      (first!.start.node as Text).data = 'On';
      second!.start.node.remove();
      expect(painter.rectOf(first!)).toBeNull();
      expect(painter.rectOf(second!)).toBeNull();
    } finally {
      vi.restoreAllMocks();
    }
  });
});

/**
 * One line of monospace text, 10 px a character and 20 px high, over the body's text nodes in
 * order: the caret under a point and the boxes of a range, as the browser would report them.
 */
function layOutOneLine() {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const startOf = new Map<Node, number>();
  let total = 0;
  for (const n of nodes) {
    startOf.set(n, total);
    total += n.data.length;
  }
  const caret = (x: number) => {
    const at = Math.round(x / 10);
    const node = nodes.find((n) => startOf.get(n)! + n.data.length >= at)!;
    return { offsetNode: node, offset: at - startOf.get(node)! };
  };
  const laidOut: Range[] = [];
  Object.assign(document, { caretPositionFromPoint: (x: number) => caret(x) });
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    laidOut.push(this);
    const from = startOf.get(this.startContainer)! + this.startOffset;
    const to = startOf.get(this.endContainer)! + this.endOffset;
    return [new DOMRect(from * 10, 0, (to - from) * 10, 20)] as unknown as DOMRectList;
  });
  return {
    laidOut,
    undo() {
      delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
      vi.restoreAllMocks();
    },
  };
}

describe('finding the highlighted mention under the pointer', () => {
  let layout: ReturnType<typeof layOutOneLine>;
  afterEach(() => layout.undo());

  it('finds a mention from its first character to its last, across an inline element, and nothing beside it', () => {
    // "Talks on Northern Territories and Shikotan": Northern Territories spans x 90–290, Shikotan 340–420.
    document.body.innerHTML = '<p>Talks on Northern <em>Territories</em> and Shikotan</p>';
    const territories = mentionOfText(document.body, 'Northern Territories', {
      id: 'northern-territories',
      name: 'Northern Territories',
      category: 'places',
    });
    const shikotan = mentionOfText(document.body, 'Shikotan');
    paint(territories, shikotan);
    layout = layOutOneLine();
    const p = document.querySelector('p')!;
    const em = document.querySelector('em')!;
    expect(painter.mentionAt(92, 10, p)).toBe(territories);
    expect(painter.mentionAt(250, 10, em)).toBe(territories);
    expect(painter.mentionAt(419, 10, p)).toBe(shikotan);
    expect(painter.mentionAt(310, 10, p)).toBeUndefined();
    expect(painter.mentionAt(350, 30, p)).toBeUndefined();
  });

  it('tests only elements holding a mention’s text, and lays out only the mentions touching the caret', () => {
    document.body.innerHTML = '<div><p>Shikotan, Shikotan, Shikotan and Shikotan.</p></div>';
    const p = document.querySelector('p')!;
    const mentions = [0, 10, 20, 33].map((at) => mentionInNode(p.firstChild as Text, at, at + 8));
    paint(...mentions);
    layout = layOutOneLine();
    expect(painter.mentionAt(250, 10, document.querySelector('div')!)).toBeUndefined();
    expect(layout.laidOut).toHaveLength(0);
    expect(painter.mentionAt(250, 10, p)).toBe(mentions[2]);
    expect(layout.laidOut).toHaveLength(1);
  });

  it('stops testing an element once no mention painted in it is left, even if the page moved the text', () => {
    document.body.innerHTML = '<p>Shikotan and Shikotan</p><section></section>';
    const p = document.querySelector('p')!;
    const first = mentionInNode(p.firstChild as Text, 0, 8);
    const second = mentionInNode(p.firstChild as Text, 13, 21);
    const parents = createTextParents();
    parents.add(first);
    parents.add(second);
    parents.remove(first);
    expect(parents.has(p)).toBe(true);
    document.querySelector('section')!.append(p.firstChild!);
    parents.remove(second);
    expect(parents.has(p)).toBe(false);
    expect(parents.has(document.querySelector('section')!)).toBe(false);
  });
});
