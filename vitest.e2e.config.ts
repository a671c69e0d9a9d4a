import { defineConfig } from 'vitest/config';

// Real-browser tests: one Chromium at a time, generous timeouts, after `node build.mjs`.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
