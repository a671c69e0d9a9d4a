// Which parts of the page the reader has come near. Work a reader may never need (checking the
// statements of an article's last screens against the sources) waits until they scroll there:
// most readers leave most articles before the end, and a page pays for what is read.

export interface ReachWatcher {
  /** Watches an element until it comes near (it is then reported once); false if it is watched already. */
  watch(el: Element): boolean;
  /** Stops watching an element (the page removed it). */
  unwatch(el: Element): void;
  stop(): void;
}

/**
 * Starts watching for the reader. `onReport` gets the watched elements that came within a screen
 * of the viewport: first those near already, once newly watched elements are laid out (or none,
 * if no frame comes within FIRST_REPORT_MS, and at once in a tab in the background, which
 * renders no frame), then each as the reader scrolls to it.
 */
export type Reach = (onReport: (near: Element[]) => void) => ReachWatcher;

/** A screen above and below the viewport counts as near: statements are checked before they scroll into view. */
export const NEAR_MARGIN = '100% 0px';
/** How long at most the first report waits for a frame. */
export const FIRST_REPORT_MS = 100;

/** The reader's viewport, through IntersectionObserver; null where there is none. */
export function viewportReach(win: Window): Reach | null {
  const Observer = (win as Window & typeof globalThis).IntersectionObserver;
  if (typeof Observer !== 'function') return null;
  return (onReport) => {
    const watched = new Set<Element>();
    let timer = 0;
    const late = () => {
      timer = 0;
      onReport([]);
    };
    const observer = new Observer(
      (entries) => {
        win.clearTimeout(timer);
        timer = 0;
        const near = entries.filter((e) => e.isIntersecting && watched.delete(e.target)).map((e) => e.target);
        for (const el of near) observer.unobserve(el);
        onReport(near);
      },
      { rootMargin: NEAR_MARGIN },
    );
    return {
      watch(el) {
        if (watched.has(el)) return false;
        watched.add(el);
        observer.observe(el);
        // A tab in the background renders no frame (and slows its timers): nothing is near it now.
        if (win.document.hidden) queueMicrotask(late);
        else timer ||= win.setTimeout(late, FIRST_REPORT_MS);
        return true;
      },
      unwatch(el) {
        if (watched.delete(el)) observer.unobserve(el);
      },
      stop() {
        observer.disconnect();
        watched.clear();
        win.clearTimeout(timer);
      },
    };
  };
}
