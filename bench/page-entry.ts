// What `npm run bench` injects into a fixture page's main world (bundled to an IIFE, exposed as
// window.__bench): the bare lower bound (a TreeWalker pass plus one combined RegExp of the
// aliases), and the probes that read what the extension shows without touching it: its
// highlights (the page can read CSS.highlights, part of the page contract) and its tooltip (an
// open shadow root outside <body>).

const now = () => performance.now();
const HIGHLIGHT_PREFIX = 'backstory-';
const NOT_MENTIONS = ['backstory-check-', 'backstory-focus'];

export interface BareResult {
  /** In-page wall time of the pass, RegExp construction included. */
  ms: number;
  textNodes: number;
  chars: number;
  matches: number;
}

/** The lower bound: every text node read once and searched with one RegExp of every alias. */
function bare(aliases: string[]): BareResult {
  performance.mark('bench:bare:start');
  const t0 = now();
  const escaped = [...aliases].sort((a, b) => b.length - a.length).map((a) => a.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));
  const re = new RegExp(escaped.join('|'), 'gi');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let textNodes = 0;
  let chars = 0;
  let matches = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = (n as Text).data;
    textNodes++;
    chars += data.length;
    re.lastIndex = 0;
    while (re.exec(data)) matches++;
  }
  const ms = now() - t0;
  performance.mark('bench:bare:end');
  return { ms, textNodes, chars, matches };
}

/** The mention highlights the extension has set (checks and the keyboard's place left out). */
function mentionRanges(): AbstractRange[] {
  const out: AbstractRange[] = [];
  CSS.highlights.forEach((h, name) => {
    if (!name.startsWith(HIGHLIGHT_PREFIX) || NOT_MENTIONS.some((p) => name.startsWith(p))) return;
    h.forEach((r) => {
      out.push(r);
    });
  });
  return out;
}

export interface HighlightSummary {
  names: number;
  ranges: number;
  checks: number;
}

function highlights(): HighlightSummary {
  let checks = 0;
  CSS.highlights.forEach((h, name) => {
    if (name.startsWith('backstory-check-')) checks += h.size;
  });
  return { names: CSS.highlights.size, ranges: mentionRanges().length, checks };
}

let targets: AbstractRange[] = [];

const textOf = (r: AbstractRange): string => {
  const live = liveRange(r);
  return live ? live.toString() : '';
};

function liveRange(r: AbstractRange): Range | null {
  const live = document.createRange();
  try {
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
  } catch {
    return null;
  }
  return live;
}

/** Picks up to `n` mentions with different texts (different names, so mostly different topics). */
function pickHoverTargets(n: number): string[] {
  const seen = new Set<string>();
  targets = [];
  const sorted = mentionRanges().sort((a, b) =>
    a.startContainer === b.startContainer
      ? a.startOffset - b.startOffset
      : a.startContainer.compareDocumentPosition(b.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING
        ? -1
        : 1,
  );
  for (const r of sorted) {
    const text = textOf(r).toLowerCase();
    // Single-line, reasonably long names: the pointer lands on them without ambiguity.
    if (text.length < 5 || seen.has(text)) continue;
    const rects = liveRange(r)?.getClientRects();
    if (rects?.length !== 1) continue;
    seen.add(text);
    targets.push(r);
    if (targets.length >= n) break;
  }
  return targets.map(textOf);
}

const frames = (count: number): Promise<void> =>
  new Promise((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(count);
  });

export interface Point {
  x: number;
  y: number;
  text: string;
}

/** Scrolls the i-th target to the middle of the viewport; where to put the pointer on it. */
async function hoverPoint(i: number): Promise<Point | null> {
  const r = targets[i];
  const live = r ? liveRange(r) : null;
  if (!r || !live) return null;
  r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  await frames(2);
  await new Promise((res) => setTimeout(res, 150));
  const box = liveRange(r)?.getBoundingClientRect();
  if (!box || box.width === 0) return null;
  return { x: box.left + box.width / 2, y: box.top + box.height / 2, text: live.toString() };
}

/** One animation frame after a hover: when its callbacks ran, when it was rendered, whether it painted sourced content. */
export interface HoverFrame {
  start: number;
  rendered: number | null;
  sourced: boolean;
}

export interface HoverProbe {
  /**
   * The first pointermove after arming (dispatch), and when the frame that hit-tested it ran its
   * callbacks: the intent delay starts there. Frames are timed when they run, not by their
   * nominal start, which on a busy page can be 10-20 ms earlier.
   */
  move: number | null;
  hitFrame: number | null;
  /** The tooltip panel open, and with sourced content, in the DOM (first seen before a frame paints). */
  open: number | null;
  sourced: number | null;
  /** Once the frame that first showed sourced content has been rendered. */
  paintedSource: number | null;
  /** Animation frames from the move on. */
  frames: HoverFrame[];
  done: boolean;
}

let probe: HoverProbe | null = null;
/** Frames a hover is followed for (10 s at 60 Hz) before the probe gives up. */
const MAX_FRAMES = 600;

function panel(): Element | null {
  return document.querySelector('[data-annotation-tooltip]')?.shadowRoot?.querySelector('.panel.open') ?? null;
}

/**
 * Armed before the pointer moves onto a mention. The extension hit-tests the pointer in the next
 * animation frame after a pointermove and starts its intent delay there; this probe's frame
 * callback is queued from a listener on window, which runs before the extension's on document,
 * so both run in the same frame, this one just first: that is where the delay begins. Every later frame is looked at once its animation-frame callbacks, style and layout are
 * done and before it paints (a ResizeObserver's turn in the frame, re-armed each frame), so what
 * is in the DOM then is what the frame paints, whatever ran in it first; a task queued from the
 * frame that first holds sourced content runs once that frame is rendered.
 */
function armHover(): void {
  const p: HoverProbe = { move: null, hitFrame: null, open: null, sourced: null, paintedSource: null, frames: [], done: false };
  probe = p;
  const root = document.documentElement;
  let start = 0;
  const beforePaint = new ResizeObserver(() => look(start));
  const onMove = () => {
    if (p.move !== null) return;
    p.move = now();
    requestAnimationFrame(() => {
      p.hitFrame = now();
      requestAnimationFrame(frame);
    });
  };
  const frame = () => {
    start = now();
    // A target observed anew is reported in this frame's rendering update.
    beforePaint.unobserve(root);
    beforePaint.observe(root);
  };
  const look = (at: number) => {
    const el = panel();
    const sourced = !!el?.querySelector('[data-part="source"]');
    const seen: HoverFrame = { start: at, sourced, rendered: null };
    p.frames.push(seen);
    // A task queued now runs once this frame is rendered.
    setTimeout(() => {
      seen.rendered = now();
    }, 0);
    if (el && p.open === null) p.open = now();
    if (sourced && p.sourced === null) {
      p.sourced = now();
      beforePaint.disconnect();
      setTimeout(() => {
        p.paintedSource = now();
        p.done = true;
      }, 0);
      window.removeEventListener('pointermove', onMove, true);
      return;
    }
    if (p.frames.length < MAX_FRAMES) requestAnimationFrame(frame);
  };
  window.addEventListener('pointermove', onMove, true);
}

function tooltipOpen(): boolean {
  return panel() !== null;
}

const api = {
  bare,
  highlights,
  pickHoverTargets,
  hoverPoint,
  armHover,
  hoverResult: (): HoverProbe | null => probe,
  tooltipOpen,
  frames,
};

export type BenchApi = typeof api;
(window as unknown as { __bench: BenchApi }).__bench = api;
