// Types for scripts/char-ranges.mjs (imported by tests/core/char-ranges.test.ts).
export declare const CLASSES: Record<'WORD_RANGES' | 'SPACED_RANGES', { source: string; doc: string }>;
export declare function rangesOf(source: string): number[];
