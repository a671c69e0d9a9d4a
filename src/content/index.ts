// The first script (content.js): runs on every http(s) page, so it asks one cheap question before
// anything else: could this page's text name a topic at all? Most pages a reader opens never do,
// and on those Backstory costs what an empty script costs: no matcher, no index, no extension
// API call. Where the answer is "maybe" (or the page has more text than is worth asking about),
// it loads the rest (lazy/main.js), which does the real work. A page that is quiet at first and
// gets its text later (an app rendering after load) is asked again when its text changes.

import { createGate, type PackedGate } from '../core/gate';
import { extensionContextValid, importExtensionModule } from '../platform/extension-files';
import type * as Main from './lazy/main';
import { INSTANCE_FLAG, PACKS_FLAG, type QuietScript } from '../core/content-flags';
import type { ContentScript } from './start';
import { pageText } from './page-text';

/** The gate's needles, one per alias of the bundled corpus (build.mjs, core/gate.ts). */
declare const BACKSTORY_GATE: PackedGate | null;

// Pages can be injected twice (an update or reload of the extension, bfcache): one live instance
// per document; one whose extension is gone gives way.
const scope = globalThis as unknown as Record<string, unknown>;
const slot: Main.InstanceSlot = {
  get: () => scope[INSTANCE_FLAG] as ContentScript | undefined,
  set: (instance) => void (scope[INSTANCE_FLAG] = instance),
};

/** How long a quiet page's changes are left to settle before its text is asked about again. */
const RECHECK_MS = 150;

/** Frames of the page's own origin are part of what the reader reads; ads and embeds aren't. */
function isTopOrSameOriginFrame(): boolean {
  try {
    // Reading the parent's document throws across origins; srcdoc and about:blank frames inherit it.
    return window.top === window || !!window.parent.document.documentElement;
  } catch {
    return false;
  }
}

function run(): void {
  const gate = createGate(BACKSTORY_GATE);
  let observer: MutationObserver | null = null;
  let timer = 0;
  let stopped = false;
  const stop = () => {
    stopped = true;
    observer?.disconnect();
    window.clearTimeout(timer);
  };
  // Holds the slot while the page is quiet, so a second injection sees a live instance;
  // packs-flag.js wakes it when the reader switches an own pack on (its names aren't in the gate).
  const waiting: ContentScript & QuietScript = {
    ready: Promise.resolve(),
    alive: () => !stopped && extensionContextValid(),
    stop,
    wake: () => void (stopped || ask(true)),
  };
  slot.set(waiting);

  const load = () => {
    stop();
    // Without its files (a broken install) Backstory stays off; the page is never affected.
    importExtensionModule<typeof Main>('lazy/main.js')
      .then((main) => main.start(slot, waiting))
      .catch(() => undefined);
  };
  const ask = (again: boolean) => {
    timer = 0;
    // Asked again after a change: if the extension was removed or updated under the page, the
    // new version (if any) takes over. (Not on the first ask: that would touch the extension API
    // on every page.)
    if (again && !extensionContextValid()) return stop();
    // Own packs' names aren't in the gate: with packs on, every page goes to the matcher.
    if (scope[PACKS_FLAG] === true) return load();
    if (pageText(document.body ?? document, gate) === null) load();
  };
  ask(false);
  if (stopped) return;
  observer = new MutationObserver(() => {
    timer ||= window.setTimeout(() => ask(true), RECHECK_MS);
  });
  // The document, not its root element: a page with a short body then touches one element fewer
  // from this world (each kind of element touched first costs its wrapper's set-up; ~0.2 ms here).
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

const running = slot.get();
if (!running?.alive() && document.body && isTopOrSameOriginFrame()) {
  running?.stop();
  run();
}
