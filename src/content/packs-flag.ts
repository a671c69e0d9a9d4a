// packs-flag.js: registered by the background while own packs are enabled; see flags.ts.
import { INSTANCE_FLAG, PACKS_FLAG, type QuietScript } from '../core/content-flags';

const scope = globalThis as Record<string, unknown>;
scope[PACKS_FLAG] = true;
// Run in a tab that is already open (the reader just switched a pack on): a page the first script
// left quiet is asked again, now without the gate.
(scope[INSTANCE_FLAG] as Partial<QuietScript> | undefined)?.wake?.();
