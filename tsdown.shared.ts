/**
 * The build settings every published package shares: ESM and CommonJS with type declarations,
 * as `.mjs`/`.cjs` (and `.d.mts`/`.d.cts`) whatever the package's `type`, into a clean `dist`.
 * Each `tsdown.config.ts` spreads it and adds its entries, platform and target.
 *
 * This file imports nothing, so that it loads from the repository root, outside every
 * package's dependencies.
 */
export const packageBuild = {
  format: ['esm', 'cjs'] as ['esm', 'cjs'],
  dts: true,
  clean: true,
  fixedExtension: true,
};
