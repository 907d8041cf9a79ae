import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.shared.js';

export default defineConfig({
  ...packageBuild,
  entry: ['src/index.ts'],
  platform: 'node',
  target: 'es2022',
});
