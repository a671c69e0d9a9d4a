// What the reader means to look at, from the pointer and from focus, without an element per
// mention: the pointer is hit-tested at most once per frame, and only over elements that hold a
// mention's text. Resting on a mention for the intent delay opens its tooltip; arriving on one
// starts loading what the tooltip needs, so it is ready when the delay ends.

import type { PageMention } from './mentions';

export const OPEN_DELAY = 250;
/**
 * The rest timer ends this much before the delay, and the tooltip opens in the next animation
 * frame's callback: the delay (15 frames at 60 Hz) ends on a frame's start, and a timer firing just
 * after that start would put the tooltip in the frame after (measured: 1 first tooltip in 3).
 * Opening at a frame's start gives it the whole frame to render in.
 */
const FRAME_LEAD_MS = 8;

export interface IntentOptions {
  doc: Document;
  signal: AbortSignal;
  mentionAt(x: number, y: number, target: Element): PageMention | undefined;
  /** The mention an element belongs to (a focused mark). */
  mentionOf(el: Element): PageMention | undefined;
  /** Whether an element is the tooltip's host (the pointer over it keeps the tooltip open). */
  isTooltip(el: Element): boolean;
  /** Focus moving back to a mention as the tooltip closes must not open it again. */
  isReturningFocus(): boolean;
  /** The pointer arrived on a mention. */
  onArrive(mention: PageMention): void;
  /** The pointer rested on a mention for the intent delay. */
  onRest(mention: PageMention): void;
  /** The pointer left the mentions (and isn't over the tooltip). */
  onLeave(): void;
  onTooltip(): void;
  /** Focus landed on a mention's own element (mark mode). */
  onFocus(mention: PageMention, el: HTMLElement): void;
  /** Focus moved somewhere that is neither a mention nor the tooltip. */
  onFocusElsewhere(): void;
  openDelay?: number;
}

export function watchIntent(o: IntentOptions): void {
  const win = o.doc.defaultView!;
  const openDelay = o.openDelay ?? OPEN_DELAY;
  let pointer: { x: number; y: number; target: Element } | null = null;
  let frame = 0;
  let hovered: PageMention | undefined;
  let restTimer = 0;
  let restFrame = 0;

  function cancelRest(): void {
    win.clearTimeout(restTimer);
    win.cancelAnimationFrame(restFrame);
  }

  function settle(next: PageMention | undefined): void {
    if (next === hovered) return;
    hovered = next;
    cancelRest();
    if (!next) {
      o.onLeave();
      return;
    }
    o.onArrive(next);
    const rest = () => {
      if (hovered === next) o.onRest(next);
    };
    restTimer = win.setTimeout(
      () => {
        restFrame = win.requestAnimationFrame(rest);
      },
      Math.max(0, openDelay - FRAME_LEAD_MS),
    );
  }

  function check(): void {
    frame = 0;
    const p = pointer;
    if (!p) return;
    if (o.isTooltip(p.target)) {
      // Crossing another mention on the way into the tooltip must not open that one.
      cancelRest();
      hovered = undefined;
      o.onTooltip();
      return;
    }
    settle(o.mentionAt(p.x, p.y, p.target));
  }

  const onMove = (e: PointerEvent) => {
    if (!(e.target instanceof win.Element)) return;
    pointer = { x: e.clientX, y: e.clientY, target: e.target };
    frame ||= win.requestAnimationFrame(check);
  };
  const onOut = (e: PointerEvent) => {
    // Leaving the window altogether.
    if (e.relatedTarget === null) {
      pointer = null;
      settle(undefined);
    }
  };
  const onFocusIn = (e: FocusEvent) => {
    const el = e.target instanceof win.HTMLElement ? e.target : null;
    if (!el || o.isTooltip(el) || o.isReturningFocus()) return;
    const mention = o.mentionOf(el);
    if (mention) o.onFocus(mention, el);
    else o.onFocusElsewhere();
  };

  const opts = { capture: true, passive: true, signal: o.signal };
  o.doc.addEventListener('pointermove', onMove, opts);
  o.doc.addEventListener('pointerout', onOut, opts);
  o.doc.addEventListener('focusin', onFocusIn, { capture: true, signal: o.signal });
  o.signal.addEventListener('abort', () => {
    cancelRest();
    if (frame) win.cancelAnimationFrame(frame);
  });
}
