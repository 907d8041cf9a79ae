import { defineConfig } from 'tsdown';

export default defineConfig({
  // `browser` serves browsers and edge runtimes with the fetch transport and no undici.
  entry: ['src/index.ts', 'src/browser.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  clean: true,
  fixedExtension: true,
});
