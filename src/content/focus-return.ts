// Where focus goes when the tooltip closes. Opened from the keyboard, the tooltip takes focus,
// and Escape must hand it back: to where the reader was, or else to the mention's own mark. The
// focus handed back must not open a tooltip again, so the host says while it is moving it.

export interface FocusReturn {
  /**
   * Notes where focus goes back to for a tooltip being opened: `returnFocus`, where absent or null
   * (opened from inside the tooltip) the place noted before; `anchor`, the mention's own focusable
   * element (mark mode), if any.
   */
  remember(returnFocus: Element | null | undefined, anchor: HTMLElement | null | undefined): void;
  /** The mention's own focusable element, if it has one. */
  readonly anchor: HTMLElement | null;
  /** Whether a place to go back to was given (the tooltip was opened by a keyboard command). */
  readonly pending: boolean;
  /** True while focus is being handed back. */
  readonly restoring: boolean;
  /** Forgets both places; with `restore`, moves focus to the first still on the page. Whether focus was moved. */
  release(restore: boolean): boolean;
}

export function createFocusReturn(win: Window & typeof globalThis): FocusReturn {
  let returnTo: HTMLElement | null = null;
  let anchor: HTMLElement | null = null;
  let restoring = false;

  return {
    remember(returnFocus, anchorElement) {
      if (returnFocus) returnTo = returnFocus instanceof win.HTMLElement ? returnFocus : null;
      anchor = anchorElement ?? null;
    },
    get anchor() {
      return anchor;
    },
    get pending() {
      return returnTo !== null;
    },
    get restoring() {
      return restoring;
    },
    release(restore) {
      const back = returnTo?.isConnected ? returnTo : anchor?.isConnected ? anchor : null;
      returnTo = null;
      anchor = null;
      if (!restore || !back) return false;
      restoring = true;
      back.focus({ preventScroll: true });
      restoring = false;
      return true;
    },
  };
}
