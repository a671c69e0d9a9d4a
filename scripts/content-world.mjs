// Reads the content script's own (isolated) world in Chromium over the DevTools protocol, so the
// tests and the bench can tell that the first script looked at a page and left it quiet: the
// script leaves no sign a page could see (a performance mark cost every quiet page ~0.6 ms).

/** Where the first script keeps the page's instance (src/core/content-flags.ts INSTANCE_FLAG). */
const INSTANCE_FLAG = '__backstoryContentScript';
/** True while the first script waits on a quiet page: its placeholder, alive, not yet replaced by the matcher's instance. */
const QUIET = `(s => !!s && typeof s.wake === 'function' && s.alive())(globalThis.${INSTANCE_FLAG})`;
/** How often waitUntilQuiet asks. */
const POLL_MS = 100;

/**
 * Whether the first script has left the page's top frame quiet (its gate said no name is there).
 * A snapshot: a page given a name is still quiet until the first script's recheck (150 ms). False
 * while the page navigates (its contexts come and go under the call).
 */
export async function isQuiet(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const ours = contexts.filter(
      (c) => c.auxData?.frameId === frameTree.frame.id && c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'),
    );
    for (const c of ours) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: QUIET, contextId: c.id, returnByValue: true });
      if (result.value === true) return true;
    }
    return false;
  } catch {
    // A context destroyed under the call (a reload, a navigation): not quiet yet; ask again.
    return false;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Waits until the first script has left the page quiet; rejects after `timeout` ms. */
export async function waitUntilQuiet(page, timeout = 10_000) {
  const end = Date.now() + timeout;
  while (!(await isQuiet(page))) {
    if (Date.now() > end) throw new Error(`the first script did not leave ${page.url()} quiet within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
