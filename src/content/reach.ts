// Which parts of the page the reader has come near. Work a reader may never need (checking the
// statements of an article's last screens against the sources) waits until they scroll there:
// most readers leave most articles before the end, and a page pays for what is read.

export interface ReachWatcher {
  /** Watches an element (again: nothing new) until it comes near; it is then reported once. */
  watch(el: Element): void;
  stop(): void;
}

/**
 * Starts watching for the reader. `onReport` gets the watched elements that came within a screen
 * of the viewport: first those near already, once the elements watched are laid out (or none,
 * if no frame comes within FIRST_REPORT_MS), then each as the reader scrolls to it.
 */
export type Reach = (onReport: (near: Element[]) => void) => ReachWatcher;

/** A screen above and below the viewport counts as near: statements are checked before they scroll into view. */
export const NEAR_MARGIN = '100% 0px';
/** How long at most the first report waits for a frame (a tab in the background renders none). */
export const FIRST_REPORT_MS = 100;

/** The reader's viewport, through IntersectionObserver; null where there is none. */
export function viewportReach(win: Window): Reach | null {
  const Observer = (win as Window & typeof globalThis).IntersectionObserver;
  if (typeof Observer !== 'function') return null;
  return (onReport) => {
    let timer = 0;
    const observer = new Observer(
      (entries) => {
        win.clearTimeout(timer);
        timer = 0;
        const near = entries.filter((e) => e.isIntersecting).map((e) => e.target);
        for (const el of near) observer.unobserve(el);
        onReport(near);
      },
      { rootMargin: NEAR_MARGIN },
    );
    const late = () => {
      timer = 0;
      onReport([]);
    };
    return {
      watch(el) {
        observer.observe(el);
        timer ||= win.setTimeout(late, FIRST_REPORT_MS);
      },
      stop() {
        observer.disconnect();
        win.clearTimeout(timer);
      },
    };
  };
}
