import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

const distDir = fileURLToPath(new URL('../dist/', import.meta.url));

/** The most JavaScript, minified and gzipped, the page may load when it opens. */
const OPENING_BUDGET_BYTES = 150 * 1024;

/** The most JavaScript in all, with the views the page loads on demand (the recipe example). */
const TOTAL_BUDGET_BYTES = 160 * 1024;

async function gzippedSize(names: readonly string[]): Promise<number> {
  let total = 0;
  for (const name of names) {
    total += gzipSync(await readFile(`${distDir}assets/${name}`), { level: 9 }).length;
  }
  return total;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

it('loads under 150 KB of JavaScript, minified and gzipped, when the page opens', async () => {
  const html = await readFile(`${distDir}index.html`, 'utf8');
  // The entry script and the chunks it preloads; chunks loaded on demand are not named here.
  const opening = [...html.matchAll(/\/assets\/([^"]+\.js)"/g)].map((match) => match[1] ?? '');
  expect(opening.length).toBeGreaterThan(0);
  const size = await gzippedSize(opening);
  console.log(`The page's JavaScript when it opens: ${kilobytes(size)} min+gzip.`);
  expect(size).toBeLessThan(OPENING_BUDGET_BYTES);
});

it('ships under 160 KB of JavaScript in all, the views loaded on demand included', async () => {
  const scripts = (await readdir(`${distDir}assets/`)).filter((name) => name.endsWith('.js'));
  const size = await gzippedSize(scripts);
  console.log(`The page's JavaScript in all: ${kilobytes(size)} min+gzip.`);
  expect(size).toBeLessThan(TOTAL_BUDGET_BYTES);
});
