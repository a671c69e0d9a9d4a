// packs-flag.js: registered by the background while own packs are enabled; see flags.ts.
import { PACKS_FLAG } from '../core/content-flags';

(globalThis as Record<string, unknown>)[PACKS_FLAG] = true;
