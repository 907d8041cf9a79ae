import { defineConfig } from 'vitest/config';
import { vitestConfig } from '../../vitest.shared.js';

export default defineConfig(
  vitestConfig({
    environment: 'node',
    globalSetup: ['test/e2e/support/build-page.ts'],
    // One browser and one demo server at a time: two of each on a small CI machine make
    // streaming answers stutter for no gain in coverage.
    fileParallelism: false,
    hookTimeout: 40_000,
  }),
);
