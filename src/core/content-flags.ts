// Names on the content script's global (its own world: pages can't see or set them).

/** The running instance of this document (content/index.ts, content/lazy/main.ts). */
export const INSTANCE_FLAG = '__backstoryContentScript';
/**
 * Set by packs-flag.js, which the background registers to run first while the reader has own
 * packs enabled: their names aren't in the first script's gate, so every page goes to the matcher.
 */
export const PACKS_FLAG = '__backstoryPacks';
/** What the background registers packs-flag.js as. */
export const PACKS_FLAG_SCRIPT = { id: 'backstory-packs', file: 'packs-flag.js' } as const;

/** The first script while it leaves a page quiet: asked again at once (packs-flag.js calls it). */
export interface QuietScript {
  wake(): void;
}
