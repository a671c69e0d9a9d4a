import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['tests/e2e/**/*.shots.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 90_000 },
});
