// The page contract as a test reads it, in functions that run inside the page under test: the
// Chromium harness (Playwright) and the Firefox harness (Puppeteer) pass them to page.evaluate.
// Each takes one argument and uses nothing but the page's own globals (no imports, no helpers
// from outside its body), since only its source text reaches the page.

export type PaintMode = 'highlights' | 'marks';

export interface ShownMention {
  text: string;
  category: string;
  /** The topic id where the page shows it (mark mode); null in highlight mode, whose contract is per category. */
  id: string | null;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The page's mentions (not checked statements) inside the element `sel`, in reading order, read
 * through the page contract of `mode`: CSS.highlights ranges, or <mark> elements (a mention split
 * over several marks is one).
 */
export function readMentions([sel, mode]: readonly [string, PaintMode]): ShownMention[] {
  const root = document.querySelector(sel);
  if (!root) return [];
  if (mode === 'marks') {
    const out: Array<{ text: string; category: string; id: string | null }> = [];
    for (const m of root.querySelectorAll('mark[data-annotation-id]:not([data-annotation-check])')) {
      const last = out[out.length - 1];
      const piece = {
        text: m.textContent ?? '',
        category: m.getAttribute('data-annotation-category') ?? '',
        id: m.getAttribute('data-annotation-id'),
      };
      // A mention's first mark is focusable; the marks after it continue the same mention.
      if (m.hasAttribute('tabindex') || !last) out.push(piece);
      else last.text += piece.text;
    }
    return out;
  }
  const ranges: Array<{ range: Range; category: string }> = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('backstory-') || name.startsWith('backstory-check-') || name === 'backstory-focus') continue;
    for (const r of highlight) {
      if (!(r instanceof AbstractRange) || !root.contains(r.startContainer)) continue;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      ranges.push({ range, category: name.slice('backstory-'.length) });
    }
  }
  ranges.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  return ranges.map(({ range, category }) => ({ text: range.toString(), category, id: null }));
}

/** Checked statements inside the element `sel` as [text, verdict], in reading order. */
export function readChecks([sel, mode]: readonly [string, PaintMode]): Array<[string, string]> {
  const root = document.querySelector(sel)!;
  if (mode === 'marks')
    return [...root.querySelectorAll('mark[data-annotation-check]')].map(
      (m) => [m.textContent ?? '', m.getAttribute('data-annotation-check') ?? ''] as [string, string],
    );
  const out: Array<{ range: Range; verdict: string }> = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('backstory-check-')) continue;
    for (const r of highlight) {
      if (!(r instanceof AbstractRange) || !root.contains(r.startContainer)) continue;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      out.push({ range, verdict: name.slice('backstory-check-'.length) });
    }
  }
  out.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  return out.map(({ range, verdict }) => [range.toString(), verdict] as [string, string]);
}

/**
 * Scrolls the `n`th mention (or checked statement) reading `t` inside the element `sel` into view
 * and says where it is on screen: its first mark, or its range's first line box.
 */
export function locateMention([t, sel, n, mode]: readonly [string, string, number, PaintMode]): Box {
  const root = document.querySelector(sel)!;
  const boxOf = (r: DOMRect) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
  if (mode === 'marks') {
    const marks = [...root.querySelectorAll('mark[data-annotation-id]')];
    const found: Element[] = [];
    marks.forEach((m, i) => {
      if (!m.hasAttribute('tabindex') && !m.hasAttribute('data-annotation-check')) return;
      let whole = m.textContent ?? '';
      for (let j = i + 1; j < marks.length && !marks[j]!.hasAttribute('tabindex') && !marks[j]!.hasAttribute('data-annotation-check'); j++)
        whole += marks[j]!.textContent ?? '';
      if (whole === t || m.textContent === t) found.push(m);
    });
    const m = found[n];
    if (!m) throw new Error(`no mark reads "${t}" in ${sel}`);
    m.scrollIntoView({ block: 'center' });
    // A mark broken over two lines: its first line box, not the box around both.
    return boxOf(m.getClientRects()[0] ?? m.getBoundingClientRect());
  }
  const hits: Range[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('backstory-') || name === 'backstory-focus') continue;
    for (const r of highlight) {
      if (!(r instanceof AbstractRange) || !root.contains(r.startContainer)) continue;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (range.toString() === t) hits.push(range);
    }
  }
  hits.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  const hit = hits[n];
  if (!hit) throw new Error(`no highlight reads "${t}" in ${sel}`);
  (hit.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
  return boxOf(hit.getClientRects()[0] ?? hit.getBoundingClientRect());
}

/** The names of the backstory-* highlights in CSS.highlights that hold any range now. */
export function paintedHighlights(): string[] {
  return [...CSS.highlights.keys()].filter((k) => k.startsWith('backstory-') && (CSS.highlights.get(k)?.size ?? 0) > 0);
}
