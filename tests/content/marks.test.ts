// @vitest-environment happy-dom
// The mark painter and its two pieces: wrapping (each page text node cut once, each piece in a
// <mark>, the node restored node for node, stepping aside when the page rewrites a node) and the
// lookups (a mark's mention, a mention's first mark, one Tab stop per topic).
import { beforeEach, describe, expect, it } from 'vitest';
import { createMarkPainter } from '../../src/content/lazy/marks';
import type { Painter } from '../../src/content/painter';
import type { TopicHead } from '../../src/core/corpus-types';
import { mentionInNode, mentionOfText } from '../support/mentions';

const HOKKAIDO: TopicHead = { id: 'hokkaido', name: 'Hokkaido', category: 'places' };
const marks = () =>
  [...document.querySelectorAll('mark')].map((m) => [m.textContent, m.getAttribute('data-annotation-id'), m.getAttribute('tabindex')]);

let painter: Painter;
beforeEach(() => {
  painter = createMarkPainter();
});

describe('the mark painter', () => {
  it('wraps every mention of a text node and restores that very node, with the page’s nodes around it apart', () => {
    document.body.innerHTML = '<p>On Shikotan and Hokkaido, then Shikotan.</p>';
    const p = document.querySelector('p')!;
    p.append(document.createTextNode(' Adjacent.'));
    const text = p.firstChild as Text;
    const mentions = [mentionInNode(text, 3, 11), mentionInNode(text, 16, 24, HOKKAIDO), mentionInNode(text, 31, 39)];
    painter.add(mentions);
    expect(marks()).toEqual([
      ['Shikotan', 'shikotan', '0'],
      ['Hokkaido', 'hokkaido', '0'],
      ['Shikotan', 'shikotan', '-1'],
    ]);
    expect(p.textContent).toBe('On Shikotan and Hokkaido, then Shikotan. Adjacent.');
    painter.clear();
    expect(p.childNodes).toHaveLength(2);
    expect(p.firstChild).toBe(text);
    expect(text.data).toBe('On Shikotan and Hokkaido, then Shikotan.');
  });

  it('marks a checked value that begins a name (its count judged), and the name for the rest; a plain overlap still gives way', () => {
    document.body.innerHTML = '<p>Japan expelled eight Russian diplomats on Friday.</p>';
    const p = document.querySelector('p')!;
    const text = p.firstChild as Text;
    const EXPULSION: TopicHead = { id: 'expulsion', name: 'Expulsion', category: 'events' };
    const name = mentionInNode(text, 15, 38, EXPULSION);
    const check = {
      ...mentionInNode(text, 15, 20, EXPULSION),
      check: { verdict: 'agrees' as const, claims: [0], stated: 'eight', sentence: text.data },
    };
    // Another name overlapping the first (not a check) is not marked at all.
    const overlapping = mentionInNode(text, 29, 38, HOKKAIDO);
    painter.add([name, check, overlapping]);
    expect([...document.querySelectorAll('mark')].map((m) => [m.textContent, m.getAttribute('data-annotation-check')])).toEqual([
      ['eight', 'agrees'],
      [' Russian diplomats', null],
    ]);
    expect(painter.mentionOf(document.querySelectorAll('mark')[1]!)).toBe(name);
    expect(p.textContent).toBe('Japan expelled eight Russian diplomats on Friday.');
    painter.clear();
    expect(p.firstChild).toBe(text);
    expect(text.data).toBe('Japan expelled eight Russian diplomats on Friday.');
  });

  it('wraps a mention across an inline element in one mark per node, its first the one to focus and to place the tooltip by', () => {
    document.body.innerHTML = '<p>The Northern <em>Territories</em> today</p>';
    const m = mentionOfText(document.body, 'Northern Territories', { id: 'northern-territories', name: 'Northern Territories', category: 'places' });
    painter.add([m]);
    expect(marks()).toEqual([
      ['Northern ', 'northern-territories', '0'],
      ['Territories', 'northern-territories', null],
    ]);
    const [first, second] = document.querySelectorAll('mark');
    expect(painter.focus(m)).toBe(first);
    expect(painter.mentionOf(second!)).toBe(m);
    expect(painter.mentionAt(0, 0, first!)).toBe(m);
  });

  it('focuses a mention split over nodes at its first mark, whatever order its nodes were wrapped in', () => {
    document.body.innerHTML = '<p>The Northern <em>Territories and Shikotan</em></p>';
    const em = document.querySelector('em')!;
    const later = mentionOfText(em, 'Shikotan');
    const split = mentionOfText(document.body, 'Northern Territories', {
      id: 'northern-territories',
      name: 'Northern Territories',
      category: 'places',
    });
    painter.add([later, split]);
    expect(painter.focus(split)).toBe(document.querySelector('mark'));
  });

  it('hands a topic’s Tab stop to its next mention shown once the one holding it is gone', () => {
    document.body.innerHTML = '<p>Shikotan</p><p>Shikotan</p>';
    const [a, b] = [...document.querySelectorAll('p')].map((p) => mentionInNode(p.firstChild as Text, 0, 8));
    painter.add([a!]);
    painter.remove([a!]);
    painter.add([b!]);
    expect(marks()).toEqual([['Shikotan', 'shikotan', '0']]);
  });

  it('marks a checked statement with its verdict, without a tab stop', () => {
    document.body.innerHTML = '<p>Signed in 1957.</p>';
    const check = mentionInNode(document.querySelector('p')!.firstChild as Text, 10, 14, HOKKAIDO, {
      check: { verdict: 'conflict', claims: [0], stated: '1957', sentence: '' },
    });
    painter.add([check]);
    const mark = document.querySelector('mark')!;
    expect(mark.getAttribute('data-annotation-check')).toBe('conflict');
    expect(mark.hasAttribute('tabindex')).toBe(false);
  });

  it('unwraps one mention of a node, keeping the others, and the node once none is left', () => {
    document.body.innerHTML = '<p>Shikotan and Hokkaido</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const [a, b] = [mentionInNode(text, 0, 8), mentionInNode(text, 13, 21, HOKKAIDO)];
    painter.add([a!, b!]);
    painter.remove([a!]);
    expect(marks()).toEqual([['Hokkaido', 'hokkaido', '0']]);
    // The mark left is a new one (its node was wrapped again): the keyboard and the tooltip go there.
    expect(painter.mentionOf(document.querySelector('mark')!)).toBe(b);
    expect(painter.focus(b!)).toBe(document.querySelector('mark'));
    expect(painter.focus(a!)).toBeNull();
    painter.remove([b!]);
    expect(document.querySelector('p')!.childNodes).toHaveLength(1);
    expect(document.querySelector('p')!.firstChild).toBe(text);
    expect(text.data).toBe('Shikotan and Hokkaido');
  });

  it('never nests marks: of two mentions over the same text, the first is wrapped', () => {
    document.body.innerHTML = '<p>Northern Territories</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    painter.add([mentionInNode(text, 0, 20), mentionInNode(text, 9, 20, HOKKAIDO)]);
    expect(marks()).toEqual([['Northern Territories', 'shikotan', '0']]);
  });

  it('steps aside when the page rewrites a node it cut: its marks go, the page’s text stays, nothing is restored', () => {
    document.body.innerHTML = '<p>Talks on Shikotan resumed.</p><p>Shikotan</p>';
    const [first, second] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
    const [a, b] = [mentionInNode(first!, 9, 17), mentionInNode(second!, 0, 8)];
    painter.add([a!, b!]);
    // A framework renders its own text into the node, as if it still held the whole sentence.
    first!.data = 'Talks on Sakhalin resumed.';
    painter.release([first!]);
    expect(document.querySelector('p')!.textContent).toBe('Talks on Sakhalin resumed.');
    expect(painter.focus(a!)).toBeNull();
    expect(marks()).toEqual([['Shikotan', 'shikotan', '-1']]);
    // Switched off later: the released node is the page's, left as it is.
    painter.clear();
    expect(document.body.innerHTML).toBe('<p>Talks on Sakhalin resumed.</p><p>Shikotan</p>');
  });

  it('knows nothing of a page’s own <mark>', () => {
    document.body.innerHTML = '<p><mark>Shikotan</mark></p>';
    expect(painter.mentionOf(document.querySelector('mark')!)).toBeUndefined();
  });
});
