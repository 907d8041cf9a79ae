import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Sizes of one browser bundle, in bytes. */
export interface BundleSize {
  minified: number;
  gzipped: number;
}

/**
 * Bundles `source` (an ES module importing what is measured) for the browser the way an app
 * would: minified, tree-shaken, `react` and `react-dom` left out; then gzips the result.
 */
export async function measureBundle(source: string, resolveDir: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]!.contents;
  return { minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
}
