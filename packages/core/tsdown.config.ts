import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.shared.js';

export default defineConfig({
  ...packageBuild,
  entry: {
    index: 'src/index.ts',
    // Browsers and edge runtimes: the fetch transport, never undici.
    browser: 'src/browser.ts',
    // The chat store behind framework hooks; browser-safe.
    chat: 'src/chat/index.ts',
    // Structured answers: response formats from zod or JSON Schema, partial objects, their store.
    structured: 'src/structured/index.ts',
    // The request handling shared by the Express and Nest adapters; Node only.
    server: 'src/server/index.ts',
  },
  platform: 'neutral',
  target: 'es2022',
});
