import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Builds the page before the browser tests, so that they always run against the current
 * source: the demo servers serve this build. It is the production build that `pnpm demo`
 * serves: vitest sets NODE_ENV to `test`, which would make Vite bundle React's development
 * build and development JSX, so NODE_ENV is `production` while it builds.
 */
export default async function buildPage(): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: fileURLToPath(new URL('../../..', import.meta.url)),
      logLevel: 'warn',
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
