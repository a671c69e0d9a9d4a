// Types for scripts/content-world.mjs (imported by tests/e2e).
import type { Page } from 'playwright-core';
export declare function isQuiet(page: Page): Promise<boolean>;
export declare function waitUntilQuiet(page: Page, timeout?: number): Promise<void>;
