// Long work cut into slices that each stay well under one frame, so the page never sees a long
// task caused by Backstory.

export const SLICE_MS = 8;

export interface Slicer {
  /** Runs `step` until it returns false, yielding to the page between slices. */
  run(step: () => boolean): Promise<boolean>;
  cancel(): void;
}

export function createSlicer(win: Window, budget = SLICE_MS): Slicer {
  let generation = 0;
  const now = () => win.performance.now();
  const yieldToPage = () => new Promise<void>((resolve) => win.setTimeout(resolve, 0));
  return {
    async run(step) {
      const mine = generation;
      for (;;) {
        const end = now() + budget;
        do {
          if (!step()) return true;
        } while (now() < end);
        await yieldToPage();
        if (mine !== generation) return false;
      }
    },
    cancel() {
      generation++;
    },
  };
}
