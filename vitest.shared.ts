/**
 * The vitest settings every package and app shares. Each `vitest.config.ts` passes
 * `defineConfig` the result, with the settings of its own as `overrides`.
 *
 * Every run writes `reports/vitest.json`, which CI reads to sum the tests of all packages.
 * Type tests (`*.test-d.ts`) run in the same `vitest run`, checked by the package's tsconfig,
 * and their results are in that report like any other test's.
 * This file imports nothing, so that it loads from the repository root, outside every
 * package's dependencies.
 */
export function vitestConfig<Overrides extends object>(overrides?: Overrides) {
  return {
    test: {
      include: ['test/**/*.test.ts'],
      typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
      reporters: ['default', 'json'] as ['default', 'json'],
      outputFile: { json: 'reports/vitest.json' },
      testTimeout: 20_000,
      ...overrides,
    },
  };
}
