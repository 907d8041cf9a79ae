import { defineConfig } from 'vitest/config';
import { vitestConfig } from '../../vitest.shared.js';

export default defineConfig(
  vitestConfig({
    environment: 'node',
    // One `next start` (and one browser) at a time: two on a small CI machine make streamed
    // answers stutter for no gain in coverage.
    fileParallelism: false,
    hookTimeout: 40_000,
  }),
);
