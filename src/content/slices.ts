// Long work cut into slices that each stay well under one frame, so the page never sees a long
// task caused by Backstory.

export const SLICE_MS = 8;

/**
 * One step of work: whether there is more, or (for a step waiting on an answer from elsewhere)
 * the rest of the step, run once the answer is there unless the slicer was cancelled meanwhile.
 */
export type Step = () => boolean | Promise<() => boolean>;

export interface Slicer {
  /**
   * Runs `step` until it returns false, yielding to the page between slices; `afterSlice` runs
   * at the end of each slice (to paint what the slice found). Resolves false if cancelled.
   */
  run(step: Step, afterSlice?: () => void): Promise<boolean>;
  /** An answer from elsewhere, or null once cancel() is called first (the wait stops then). */
  wait<T>(answer: Promise<T>): Promise<T | null>;
  cancel(): void;
}

function nextCancel(): { promise: Promise<null>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<null>((r) => {
    resolve = () => r(null);
  });
  return { promise, resolve };
}

export function createSlicer(win: Window, budget = SLICE_MS): Slicer {
  let generation = 0;
  /** Settles on the next cancel(): a step waiting for an answer stops waiting then. */
  let cancelled = nextCancel();
  const now = () => win.performance.now();
  // A message to ourselves yields to the page without setTimeout's 4 ms clamp on nested calls.
  const Channel = (win as Window & typeof globalThis).MessageChannel;
  const channel = typeof Channel === 'function' ? new Channel() : null;
  const waiting: Array<() => void> = [];
  if (channel) channel.port1.onmessage = () => waiting.shift()?.();
  const yieldToPage = () =>
    new Promise<void>((resolve) => {
      if (!channel) return void win.setTimeout(resolve, 0);
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
  const wait = <T>(answer: Promise<T>): Promise<T | null> => Promise.race([answer, cancelled.promise]);
  return {
    wait,
    async run(step, afterSlice) {
      const mine = generation;
      for (;;) {
        const end = now() + budget;
        let more = true;
        do {
          const done = step();
          if (typeof done === 'boolean') more = done;
          else {
            const rest = mine === generation ? await wait(done) : null;
            if (!rest || mine !== generation) return false;
            more = rest();
          }
        } while (more && now() < end);
        afterSlice?.();
        if (!more) return true;
        await yieldToPage();
        if (mine !== generation) return false;
      }
    },
    cancel() {
      generation++;
      cancelled.resolve();
      cancelled = nextCancel();
    },
  };
}
