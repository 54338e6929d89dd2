import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // CLI and browser tests spawn processes; a 2-core machine needs room.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, 'tests/browser/**'] },
      },
      {
        // The example site in Chromium: built and served once per run by the global setup, which
        // only runs when a browser test is selected.
        extends: true,
        test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: ['tests/browser/global-setup.ts'] },
      },
    ],
  },
});
