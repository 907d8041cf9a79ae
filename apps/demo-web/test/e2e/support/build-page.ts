import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Builds the page before the browser tests, so that they always run against the current
 * source: the demo servers serve this build.
 */
export default async function buildPage(): Promise<void> {
  await build({
    root: fileURLToPath(new URL('../../..', import.meta.url)),
    logLevel: 'warn',
  });
}
