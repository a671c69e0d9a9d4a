// @vitest-environment happy-dom
// The walk over a page's text: runs per block, excluded zones and absurd nesting skipped, and a
// walk that starts where the reader is and wraps round, reading every run once.
import { describe, expect, it } from 'vitest';
import { pointsOf } from '../../src/content/run-points';
import { PROBE_AFTER, PROBE_TRIAL } from '../../src/content/block-probe';
import { createRunWalker, MAX_DEPTH } from '../../src/content/text-runs';

const texts = (root: Element, from: Element | null = null) => {
  const walker = createRunWalker(root, from);
  const out: string[] = [];
  for (let run = walker.next(); run; run = walker.next()) out.push(run.text);
  return { out, skipped: walker.skipped };
};

describe('text runs', () => {
  it('cuts runs at blocks, joins inline elements, and passes over excluded zones', () => {
    document.body.innerHTML = '<h2>Title <em>here</em></h2><p>One <b>two</b><code>x</code> three</p><ul><li>a</li><li>b</li></ul>';
    expect(texts(document.body).out).toEqual(['Title here', 'One two', ' three', 'a', 'b']);
  });

  it('starts at the given block, goes to the end, then reads the page up to it: each run once', () => {
    document.body.innerHTML = '<p>1</p><p>2</p><section id="s"><p>3</p><p>4</p></section><p>5</p>';
    expect(texts(document.body, document.getElementById('s')).out).toEqual(['3', '4', '5', '1', '2']);
  });

  it('starting inside inline elements, joins what follows them in the same block, and stops at the start on the second lap', () => {
    document.body.innerHTML = '<p>1</p><p>a <em id="e">b <b>c</b></em> d</p><p>3</p>';
    expect(texts(document.body, document.getElementById('e')).out).toEqual(['b c d', '3', '1', 'a ']);
  });

  it('never reads past its root', () => {
    document.body.innerHTML = '<p id="empty"></p><p id="full">in <em>here</em></p><p>outside</p>';
    expect(texts(document.getElementById('empty')!).out).toEqual([]);
    expect(texts(document.getElementById('full')!).out).toEqual(['in here']);
    expect(texts(document.getElementById('full')!, document.querySelector('#full em')).out).toEqual(['here', 'in ']);
  });

  it('skips what is nested beyond MAX_DEPTH and counts it', () => {
    let deep = 'deep text';
    for (let i = 0; i < MAX_DEPTH + 5; i++) deep = `<span>${deep}</span>`;
    document.body.innerHTML = `<p>before</p><div>${deep}</div><p>after</p>`;
    const { out, skipped } = texts(document.body);
    expect(out).toEqual(['before', 'after']);
    expect(skipped).toBe(1);
  });

  it('maps a stretch of a run back to the text nodes and offsets it lies in', () => {
    document.body.innerHTML = '<p>The Northern <em>Territories</em> today</p>';
    const run = createRunWalker(document.body).next()!;
    const [start, end] = pointsOf(run, 4, 24);
    expect([start.node.data, start.offset, end.node.data, end.offset]).toEqual(['The Northern ', 4, 'Territories', 11]);
  });
});

describe('a walk that may pass over blocks', () => {
  const rows = (n: number, named: number) =>
    Array.from({ length: n }, (_, i) => `<tr><td>${i}</td><td>${i === named ? 'Shikotan' : 'harbour'}</td></tr>`).join('');
  const walkWith = (root: Element, from: Element | null, mayName: (text: string) => boolean) => {
    const walker = createRunWalker(root, from, () => mayName);
    const out: string[] = [];
    for (let run = walker.next(); run; run = walker.next()) out.push(run.text);
    return out;
  };
  const namesShikotan = (text: string) => text.includes('Shikotan');

  it('reads every block that may name something, and passes over only blocks among many siblings', () => {
    document.body.innerHTML = `<table><tbody>${rows(40, 30)}</tbody></table>`;
    const asked: string[] = [];
    const out = walkWith(document.body, null, (text) => {
      asked.push(text);
      return namesShikotan(text);
    });
    expect(out).toContain('Shikotan');
    // The first rows are read without asking; the rest only where they may name something.
    expect(out.slice(0, 2 * PROBE_AFTER)).toEqual(texts(document.body).out.slice(0, 2 * PROBE_AFTER));
    expect(out.length).toBeLessThan(2 * PROBE_AFTER + 4);
    expect(asked.length).toBeGreaterThan(0);
  });

  it('stops asking where most blocks name something', () => {
    document.body.innerHTML = `<div>${Array.from({ length: 60 }, (_, i) => `<p>Shikotan ${i}</p>`).join('')}</div>`;
    let asked = 0;
    const out = walkWith(document.body, null, (text) => {
      asked++;
      return namesShikotan(text);
    });
    expect(out).toHaveLength(60);
    expect(asked).toBeLessThan(20);
  });

  it('asks nothing inside a block it asked about: a nested list is read at most once more', () => {
    const section = (i: number) => `<section>${Array.from({ length: 20 }, (_, j) => `<p>${i === j ? 'Shikotan' : 'x'}</p>`).join('')}</section>`;
    document.body.innerHTML = `<div>${Array.from({ length: 20 }, (_, i) => section(i)).join('')}</div>`;
    let asked = 0;
    const out = walkWith(document.body, null, (text) => {
      asked++;
      return namesShikotan(text);
    });
    expect(out.filter((t) => t === 'Shikotan')).toHaveLength(20);
    // Paragraphs are asked about only in sections that weren't: the first PROBE_AFTER, and those
    // after PROBE_TRIAL sections all named something (asking stops at that depth).
    const paragraphsAsked = 20 - PROBE_AFTER;
    const sectionsAsked = PROBE_TRIAL;
    expect(asked).toBe(sectionsAsked + (20 - sectionsAsked) * paragraphsAsked);
  });

  it('asks about a bounded stretch of text per call, so a long run of blocks passed over still comes in slices', () => {
    const block = 'x'.repeat(1000);
    document.body.innerHTML = `<div>${Array.from({ length: 100 }, () => `<p>${block}</p>`).join('')}</div>`;
    const walker = createRunWalker(document.body, null, () => (text) => {
      asked += text.length;
      return false;
    });
    let asked = 0;
    let most = 0;
    let runs = 0;
    for (let run = walker.next(); run; run = walker.next()) {
      runs++;
      most = Math.max(most, asked);
      asked = 0;
    }
    expect(most).toBeLessThanOrEqual(16_384 + block.length);
    expect(runs).toBeGreaterThan(PROBE_AFTER);
    expect(runs).toBeLessThan(100);
  });

  it('starting inside a block it would pass over, still reads every run once', () => {
    document.body.innerHTML = `<div>${Array.from({ length: 30 }, (_, i) => `<section id="s${i}"><p>a${i}</p><p>b${i}</p></section>`).join('')}</div>`;
    const from = document.getElementById('s20')!.lastElementChild!;
    const all = texts(document.body, from).out;
    expect(walkWith(document.body, from, () => true)).toEqual(all);
    // Nothing may name anything: only the unasked blocks and the reader's place are read.
    const none = walkWith(document.body, from, () => false);
    expect(none[0]).toBe('b20');
    expect(new Set(none).size).toBe(none.length);
  });
});

describe('a walk the page changes under', () => {
  it('stops when the page moved the node it stands on out of its root', () => {
    document.body.innerHTML = '<div id="root"><p>one</p><p id="next">two</p><p>three</p></div><aside id="away"></aside>';
    const walker = createRunWalker(document.getElementById('root')!);
    // Reading "one" to its end took the walk onto the next paragraph, which the page then moves.
    expect(walker.next()?.text).toBe('one');
    document.getElementById('away')!.append(document.getElementById('next')!);
    const rest: string[] = [];
    for (let run = walker.next(); run; run = walker.next()) rest.push(run.text);
    expect(rest).not.toContain('two');
    expect(walker.interrupted).toBe(true);
  });

  it('stops when the page moved the node it stands on within its root and the old parent out of it', () => {
    document.body.innerHTML = '<div id="root"><section id="s"><p>one</p><p id="next">two</p></section><p>three</p></div><aside id="away"></aside>';
    const walker = createRunWalker(document.getElementById('root')!);
    expect(walker.next()?.text).toBe('one');
    const away = document.getElementById('away')!;
    document.getElementById('root')!.append(document.getElementById('next')!);
    away.append(document.getElementById('s')!);
    away.insertAdjacentHTML('beforeend', '<p>OUTSIDE</p>');
    const rest: string[] = [];
    for (let run = walker.next(); run; run = walker.next()) rest.push(run.text);
    expect(rest).not.toContain('OUTSIDE');
    expect(walker.interrupted).toBe(true);
  });

  it('stops, saying so, rather than read what the page removed and miss the rest', () => {
    document.body.innerHTML = '<div id="a"><p>one</p><p>two</p></div><p>three</p><p>four</p>';
    const walker = createRunWalker(document.body);
    expect(walker.next()?.text).toBe('one');
    document.getElementById('a')!.remove();
    const rest: string[] = [];
    for (let run = walker.next(); run; run = walker.next()) rest.push(run.text);
    expect(rest).not.toContain('two');
    expect(walker.interrupted).toBe(true);
  });
});
