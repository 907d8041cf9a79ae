import { defineConfig } from 'vitest/config';
import { vitestConfig } from '../../vitest.shared.js';

// Each file installs real apps: the packing runs once for all of them, and the files run one at
// a time so that installs and builds do not fight over the two cores.
export default defineConfig(
  vitestConfig({
    globalSetup: ['test/support/pack-once.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  }),
);
