import { defineConfig } from 'vitest/config';
import { vitestConfig } from '../../vitest.shared.js';

const shared = vitestConfig({ include: ['test/**/*.test.{ts,tsx}'] });

// The middleware supports Express 5 and 4, so the whole suite runs on each: the Express 4
// project resolves `express` (and its subpaths) to Express 4, installed as `express4`.
export default defineConfig({
  test: {
    ...shared.test,
    projects: [
      { extends: true, test: { name: 'Express 5' } },
      {
        extends: true,
        test: { name: 'Express 4' },
        resolve: { alias: [{ find: /^express(?=\/|$)/, replacement: 'express4' }] },
      },
    ],
  },
});
