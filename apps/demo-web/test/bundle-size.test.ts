import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

const assetsDir = fileURLToPath(new URL('../dist/assets/', import.meta.url));

/** The most JavaScript, minified and gzipped, the page may ship. */
const BUDGET_BYTES = 150 * 1024;

it('ships under 150 KB of JavaScript, minified and gzipped', async () => {
  const scripts = (await readdir(assetsDir)).filter((name) => name.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  let total = 0;
  for (const name of scripts) {
    total += gzipSync(await readFile(`${assetsDir}${name}`), { level: 9 }).length;
  }
  console.log(`The page's JavaScript: ${(total / 1024).toFixed(1)} KB min+gzip.`);
  expect(total).toBeLessThan(BUDGET_BYTES);
});
