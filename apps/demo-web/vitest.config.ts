import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/support/build-page.ts'],
    // One browser and one demo server at a time: two of each on a small CI machine make
    // streaming answers stutter for no gain in coverage.
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 40_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
  },
});
