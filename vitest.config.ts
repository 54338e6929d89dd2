import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // CLI and browser tests spawn processes; a 2-core machine needs room.
    testTimeout: 30_000,
  },
});
