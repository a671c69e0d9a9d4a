import { defineConfig } from 'vitest/config';

// Real-browser tests in Firefox ESR (puppeteer-core over WebDriver BiDi), after `node build.mjs`:
// one Firefox at a time, generous timeouts.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['tests/firefox/**/*.test.ts', 'tests/firefox/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
