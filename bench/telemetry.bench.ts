import { createClient } from '@chatwire/core';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  type ReadableSpan,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

import type { BenchCase } from './lib/measure.js';
import {
  type CpuSample,
  measureCpuInterleaved,
  type Quartiles,
  roundRatios,
} from './lib/measure-cpu.js';
import { startProcessServer } from './lib/process-server.js';
import { formatNumber, printTable } from './lib/table.js';

const REQUESTS = Number(process.env.BENCH_TELEMETRY_REQUESTS ?? 2_000);
const STREAMS = Number(process.env.BENCH_TELEMETRY_STREAMS ?? 400);
const CHUNKS = 20;
const ROUNDS = Number(process.env.BENCH_TELEMETRY_ROUNDS ?? 21);

const OFF = 'telemetry: false';
const NO_SDK = '@opentelemetry/api, no SDK';
const SDK = 'SDK recording';

const messages = [{ role: 'user' as const, content: 'Say something for the benchmark.' }];
const body = { model: 'gpt-4o-mini', messages };
const streamBody = { ...body, stream: true as const };

/** Counts the spans that end, so that the recording case is checked to record. */
class CountingProcessor implements SpanProcessor {
  ended = 0;
  onStart(): void {}
  onEnd(_span: ReadableSpan): void {
    this.ended++;
  }
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

function print(title: string, perRun: number, samples: CpuSample[][]): void {
  const [off] = samples;
  const range = (ratio: Quartiles) => `${ratio.p25.toFixed(3)}–${ratio.p75.toFixed(3)}`;
  console.log(`\n${title}`);
  printTable(
    ['client', 'CPU µs per call', '× off (CPU)', 'p25–p75', '× off (wall)', 'p25–p75'],
    [OFF, NO_SDK, SDK].map((name, index) => {
      const cpu = roundRatios(samples[index]!, off!, (sample) => sample.cpuMs);
      const wall = roundRatios(samples[index]!, off!, (sample) => sample.wallMs);
      const cpuMs = samples[index]!.map((sample) => sample.cpuMs).sort((a, b) => a - b);
      const medianCpuMs = cpuMs[cpuMs.length >> 1]!;
      return [
        name,
        formatNumber((medianCpuMs * 1000) / perRun, 1),
        `${cpu.median.toFixed(3)}×`,
        range(cpu),
        `${wall.median.toFixed(3)}×`,
        range(wall),
      ];
    }),
  );
}

/**
 * What the client's OpenTelemetry costs: calls with telemetry off, with `@opentelemetry/api`
 * installed and no SDK registered (the default of most applications that have the package
 * through a dependency), and with an SDK recording every span and metric. The cost is the
 * CPU time per call (the server runs in another process), as a ratio to telemetry off in
 * each round; a round is long enough (about 0.2 s of CPU) for the kernel's tick-based CPU
 * accounting to be exact within a few percent.
 */
export default async function benchTelemetry(): Promise<void> {
  // The client loads the optional peer on its own; waiting for it here keeps the warm-up fair.
  await import('@opentelemetry/api');
  const server = await startProcessServer(
    new URL('./lib/client-server-worker.mjs', import.meta.url),
    { chunkCount: CHUNKS },
  );
  const { baseURL } = server;
  const processor = new CountingProcessor();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [processor] });
  const meterProvider = new MeterProvider();
  const options = { baseURL, apiKey: 'bench-key', provider: 'openai' };
  const clients = [
    createClient({ ...options, telemetry: false }),
    createClient(options),
    createClient({ ...options, telemetry: { tracerProvider, meterProvider } }),
  ];
  const names = [OFF, NO_SDK, SDK];

  const single: BenchCase[] = clients.map((client, index) => ({
    name: names[index]!,
    run: async () => {
      for (let call = 0; call < REQUESTS; call++) {
        const completion = await client.chat.completions.create(body);
        if (completion.choices.length !== 1) throw new Error(`${names[index]} got no answer`);
      }
    },
  }));
  const streamed: BenchCase[] = clients.map((client, index) => ({
    name: names[index]!,
    run: async () => {
      for (let call = 0; call < STREAMS; call++) {
        const stream = await client.chat.completions.create(streamBody);
        const text = await stream.finalText();
        if (!text.startsWith(' token0')) throw new Error(`${names[index]} got no answer`);
      }
    },
  }));

  try {
    const measure = { warmupRounds: 1, rounds: ROUNDS };
    print(
      `${REQUESTS} non-streamed calls per run, ${ROUNDS} rounds`,
      REQUESTS,
      await measureCpuInterleaved(single, measure),
    );
    print(
      `${STREAMS} streamed calls of ${CHUNKS} chunks per run, ${ROUNDS} rounds`,
      STREAMS,
      await measureCpuInterleaved(streamed, measure),
    );
    const expected = (REQUESTS + STREAMS) * (ROUNDS + 1);
    if (processor.ended !== expected) {
      throw new Error(`the SDK recorded ${processor.ended} spans, not ${expected}`);
    }
  } finally {
    for (const client of clients) await client.close();
    await server.stop();
    await tracerProvider.shutdown();
    await meterProvider.shutdown();
  }
}
