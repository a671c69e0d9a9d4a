// Types for scripts/chromium-flags.mjs (imported by tests/e2e/harness.ts).
export declare const CHROMIUM_FLAGS: readonly string[];
