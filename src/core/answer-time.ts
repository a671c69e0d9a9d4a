// How long a page waits for the extension's background to answer: a request the browser neither
// answers nor reports as failed must not hold up the page's scans (it then does without).

/** Longer than a stopped service worker takes to start and read its matcher. */
export const ANSWER_TIMEOUT_MS = 3_000;

/** The answer, or a rejection once `ms` have passed without one. */
export function answeredWithin<T>(answer: Promise<T>, ms = ANSWER_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}
