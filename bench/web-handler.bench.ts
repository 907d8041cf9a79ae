import { percentile, startLoadClient } from './lib/express-load-client.js';
import { type BenchProxy, startChatwireProxy } from './lib/express-proxies.js';
import { startExpressBenchUpstream } from './lib/express-upstream.js';
import { interleave } from './lib/interleave.js';
import { median } from './lib/measure.js';
import { formatNumber, printTable } from './lib/table.js';
import {
  startFetchHandlerProxy,
  startHonoProxy,
  startNodeHandlerProxy,
} from './lib/web-proxies.js';

const CHUNKS = 30;
const ROUNDS = Number(process.env.BENCH_WEB_ROUNDS ?? 5);
const LOADS = [
  { concurrency: 50, streams: 1_000 },
  { concurrency: 500, streams: 2_000 },
] as const;

const NODE = 'node:http handler';
const FETCH = 'fetch handler via @hono/node-server';
const EXPRESS = '@chatwire/express on Express 5';
const HONO = 'fetch handler in Hono';
/** Each pair: the web-standard contender, and the node:http one it is measured against. */
const PAIRS = [
  [FETCH, NODE],
  [HONO, EXPRESS],
] as const;

interface Contender {
  name: string;
  proxy: BenchProxy;
}

/** The measures of one contender, one entry per timed run. */
interface Runs {
  rates: number[];
  firstBytes: number[];
}

function spread(values: readonly number[], decimals: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${formatNumber(sorted[0]!, decimals)}–${formatNumber(sorted.at(-1)!, decimals)}`;
}

/** Per-run ratios of `a` to `b`: runs of one round are paired, as they ran side by side. */
function ratios(a: readonly number[], b: readonly number[]): number[] {
  return a.map((value, index) => value / b[index]!);
}

/**
 * The web-standard fetch handler against the node:http handler, both on node:http in this
 * process: the fetch handler behind `@hono/node-server`'s Request/Response bridge, then as a
 * Hono route against `@chatwire/express` on Express 5. The same loopback upstream in a worker
 * thread (30 chunks per answer) and simulated browsers in another; streams per second and time
 * to first byte p50 at 50 and 500 concurrent streams, contenders interleaved in rotating order,
 * the median of several runs with their spread.
 */
export default async function benchWebHandler(): Promise<void> {
  const upstream = await startExpressBenchUpstream(CHUNKS);
  const browsers = startLoadClient();
  const contenders: Contender[] = [
    { name: NODE, proxy: await startNodeHandlerProxy(upstream.baseURL) },
    { name: FETCH, proxy: await startFetchHandlerProxy(upstream.baseURL) },
    { name: EXPRESS, proxy: await startChatwireProxy(upstream.baseURL) },
    { name: HONO, proxy: await startHonoProxy(upstream.baseURL) },
  ];
  try {
    for (const { concurrency, streams } of LOADS) {
      const runs = new Map<string, Runs>(
        contenders.map(({ name }) => [name, { rates: [], firstBytes: [] }]),
      );
      await interleave(contenders, ROUNDS, async ({ name, proxy }, timed) => {
        const result = await browsers.run(proxy.url, streams, concurrency);
        if (result.errors > 0) {
          throw new Error(`${name}: ${result.errors} streams failed; first: ${result.firstError}`);
        }
        if (!timed) return;
        runs.get(name)!.rates.push(streams / (result.elapsedMs / 1000));
        runs.get(name)!.firstBytes.push(percentile(result.firstByteMs, 50));
      });
      const of = (name: string) => runs.get(name)!;
      console.log(
        `\nConcurrency ${concurrency}: ${streams} streams per run, median of ${ROUNDS} runs (spread)`,
      );
      printTable(
        ['contender', 'streams/s', 'spread', 'first byte p50 ms', 'spread'],
        contenders.map(({ name }) => [
          name,
          formatNumber(median(of(name).rates)),
          spread(of(name).rates, 0),
          formatNumber(median(of(name).firstBytes), 2),
          spread(of(name).firstBytes, 2),
        ]),
      );
      console.log('');
      printTable(
        ['web-standard vs node:http', 'streams/s ×', 'spread', 'first byte p50 ×', 'spread'],
        PAIRS.map(([web, node]) => {
          const rate = ratios(of(web).rates, of(node).rates);
          const firstByte = ratios(of(web).firstBytes, of(node).firstBytes);
          return [
            `${web} / ${node}`,
            `${median(rate).toFixed(2)}×`,
            spread(rate, 2),
            `${median(firstByte).toFixed(2)}×`,
            spread(firstByte, 2),
          ];
        }),
      );
    }
  } finally {
    for (const { proxy } of contenders) await proxy.stop();
    await browsers.close();
    await upstream.stop();
  }
}
