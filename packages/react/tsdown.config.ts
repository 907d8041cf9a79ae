import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.shared.js';

export default defineConfig({
  ...packageBuild,
  entry: ['src/index.ts'],
  platform: 'neutral',
  target: 'es2022',
  // One output module per source module, so that an app bundling only useChatCompletion (or
  // loading useStructuredCompletion lazily) leaves the structured code out of its first chunk.
  unbundle: true,
});
