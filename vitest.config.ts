import { defineConfig } from 'vitest/config';

// `vitest run` runs both tiers; `--project unit` or `--project dom` one of them (npm run
// test:unit, test:dom). The real browsers have their own configs (vitest.e2e/.firefox.config.ts).
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    environment: 'node',
    setupFiles: ['tests/setup/node-iterator.ts'],
    projects: [
      // Pure TypeScript (src/core) and the build: no DOM, no extension API.
      { extends: true, test: { name: 'unit', include: ['tests/core/**/*.test.ts', 'tests/build/**/*.test.ts'] } },
      // Content script, UI, background, reader page and the platform's storage: happy-dom, the fake extension (tests/support), stubbed browser APIs.
      {
        extends: true,
        test: {
          name: 'dom',
          include: [
            'tests/content/**/*.test.ts',
            'tests/platform/**/*.test.ts',
            'tests/ui/**/*.test.tsx',
            'tests/background/**/*.test.ts',
            'tests/reader/**/*.test.tsx',
          ],
        },
      },
    ],
  },
});
