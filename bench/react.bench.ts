import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib/measure.js';
import { measureBundle } from './lib/react-bundle-size.js';
import { installBrowserGlobals } from './lib/react-dom-env.js';
import { benchTokens, TOKENS_PER_READ } from './lib/react-token-streams.js';
import { formatNumber, printTable } from './lib/table.js';

const TOKENS = 2_000;
const WARMUP_ROUNDS = 1;
const ROUNDS = 5;
const here = dirname(fileURLToPath(import.meta.url));

/**
 * Streams a 2,000-token answer into each chat hook, rendered by react-dom under happy-dom with
 * 60 Hz animation frames, and counts renders (in total, and the most within one frame while
 * the answer streams) and CPU time; then bundles each hook for the browser (react external,
 * minified, gzipped) and compares sizes.
 */
export default async function reactBench(): Promise<void> {
  const uninstall = installBrowserGlobals();
  try {
    // Loaded after the DOM globals exist, as in a browser, and as production React, as shipped.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    const { loadContenders } = await import('./lib/react-chat-contenders.js');
    const { runContender } = await import('./lib/react-render-run.js');
    process.env.NODE_ENV = nodeEnv;
    const contenders = await loadContenders();
    const tokens = benchTokens(TOKENS);
    const runs = contenders.map(() => [] as Awaited<ReturnType<typeof runContender>>[]);
    for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
      for (let k = 0; k < contenders.length; k++) {
        const index = (k + round) % contenders.length;
        const run = await runContender(contenders[index]!, tokens, 60_000);
        if (round >= WARMUP_ROUNDS) runs[index]!.push(run);
      }
    }
    console.log(
      `${TOKENS} tokens, ${TOKENS_PER_READ} per network read, one read per ms; ` +
        `react-dom ${ROUNDS} rounds (median; max renders in one frame: the worst round), ` +
        '60 Hz frames\n',
    );
    printTable(
      ['hook', 'renders', 'max renders in one frame', 'CPU ms', 'wall ms'],
      contenders.map((contender, i) => {
        const samples = runs[i]!;
        return [
          contender.name,
          formatNumber(median(samples.map((s) => s.renders))),
          formatNumber(Math.max(...samples.map((s) => s.maxRendersPerFrame))),
          formatNumber(median(samples.map((s) => s.cpuMs)), 1),
          formatNumber(median(samples.map((s) => s.wallMs))),
        ];
      }),
    );
  } finally {
    // React's scheduler may still hold a task that reads `window`.
    await new Promise((resolve) => setTimeout(resolve, 100));
    uninstall();
  }

  const sizes = [
    {
      name: '@chatwire/react useChatCompletion (+ core chat store)',
      size: await measureBundle(`export { useChatCompletion } from '@chatwire/react';`, here),
    },
    {
      name: '@ai-sdk/react useChat',
      size: await measureBundle(`export { useChat } from '@ai-sdk/react';`, here),
    },
  ];
  console.log('\nBrowser bundle (esbuild, minified, react and react-dom external; gzip -9)\n');
  printTable(
    ['bundle', 'min KiB', 'min+gzip KiB'],
    sizes.map(({ name, size }) => [
      name,
      formatNumber(size.minified / 1024, 1),
      formatNumber(size.gzipped / 1024, 2),
    ]),
  );
}
