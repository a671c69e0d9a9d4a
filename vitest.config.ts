import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: [
      'tests/core/**/*.test.ts',
      'tests/content/**/*.test.ts',
      'tests/ui/**/*.test.tsx',
      'tests/build/**/*.test.ts',
      'tests/background/**/*.test.ts',
      'tests/reader/**/*.test.tsx',
    ],
    environment: 'node',
    setupFiles: ['tests/setup/node-iterator.ts'],
  },
});
