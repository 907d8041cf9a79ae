import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Runs every `*.bench.ts` next to this file, or those named on the command line
 * (`pnpm bench sse` runs `sse.bench.ts`). Each file default-exports the async function that
 * measures and prints its own table.
 */
const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).map((name) => name.replace(/(\.bench)?(\.ts)?$/, ''));
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => wanted.length === 0 || wanted.includes(file.slice(0, -'.bench.ts'.length)))
  .sort();

if (files.length === 0) {
  console.error(`No benchmark matches ${wanted.join(', ')}.`);
  process.exitCode = 1;
}
for (const file of files) {
  console.log(`\n# ${file}\n`);
  const module = (await import(pathToFileURL(join(here, file)).href)) as {
    default: () => Promise<void>;
  };
  await module.default();
}
