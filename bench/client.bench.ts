import { createClient, createSSEDecoder } from '@chatwire/core';
import OpenAI from 'openai';
import { Portkey } from 'portkey-ai';
import { Agent, fetch as undiciFetch, request as undiciRequest } from 'undici';
import { startClientBenchServer } from './lib/client-server.js';
import { type BenchCase, measureInterleaved } from './lib/measure.js';
import { formatNumber, formatRatio, printTable } from './lib/table.js';

const REQUESTS = Number(process.env.BENCH_CLIENT_REQUESTS ?? 2_000);
const STREAMS = Number(process.env.BENCH_CLIENT_STREAMS ?? 200);
const CHUNKS = 500;
const WARMUP_ROUNDS = 1;
const ROUNDS = Number(process.env.BENCH_CLIENT_ROUNDS ?? 5);

const RAW = 'undici.request (raw)';
const CHATWIRE = '@chatwire/core';
const FLOOR = 'floor: undici.request + createSSEDecoder + JSON.parse';

const messages = [{ role: 'user' as const, content: 'Say something for the benchmark.' }];
const body = { model: 'gpt-4o-mini', messages };
const streamBody = { model: 'gpt-4o-mini', messages, stream: true as const };

/** Fails the benchmark loudly if a contender did not get the answer. */
function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`benchmark contender returned a wrong answer: ${what}`);
}

function repeat(times: number, once: () => Promise<void>): () => Promise<void> {
  return async () => {
    for (let index = 0; index < times; index++) await once();
  };
}

function printResults(
  title: string,
  unit: string,
  perRun: number,
  results: { name: string; medianMs: number; samples: number[] }[],
): void {
  const raw = results.find((result) => result.name === RAW)!;
  const ours = results.find((result) => result.name === CHATWIRE)!;
  const floor = results.find((result) => result.name === FLOOR);
  const spread = (samples: number[]) =>
    `${formatNumber((Math.min(...samples) * 1000) / perRun, 1)}–${formatNumber((Math.max(...samples) * 1000) / perRun, 1)}`;
  console.log(`\n${title}`);
  printTable(
    [
      'client',
      `µs per ${unit}`,
      'range',
      `${unit}s/s`,
      '× raw undici',
      ...(floor ? ['× floor'] : []),
      '× chatwire',
    ],
    results.map((result) => [
      result.name,
      formatNumber((result.medianMs * 1000) / perRun, 1),
      spread(result.samples),
      formatNumber(perRun / (result.medianMs / 1000)),
      formatRatio(result.medianMs, raw.medianMs),
      ...(floor ? [formatRatio(result.medianMs, floor.medianMs)] : []),
      formatRatio(result.medianMs, ours.medianMs),
    ]),
  );
}

/**
 * Sequential non-streamed calls and streamed answers through chatwire, raw undici (the floor:
 * the same request with nothing around it), undici's fetch, and the openai and portkey-ai
 * SDKs, all against one loopback server running in a worker thread.
 */
export default async function benchClient(): Promise<void> {
  const server = await startClientBenchServer(CHUNKS);
  const { baseURL } = server;
  const url = `${baseURL}/chat/completions`;
  const agent = new Agent();
  const chatwire = createClient({ baseURL, apiKey: 'bench-key', provider: 'openai' });
  const openai = new OpenAI({ baseURL, apiKey: 'bench-key', maxRetries: 0 });
  const portkey = new Portkey({ baseURL, apiKey: 'bench-key', provider: 'openai' });
  const rawHeaders = {
    'content-type': 'application/json',
    accept: 'application/json',
    'x-portkey-api-key': 'bench-key',
    'x-portkey-provider': 'openai',
  };

  const single: BenchCase[] = [
    {
      name: CHATWIRE,
      run: repeat(REQUESTS, async () => {
        const completion = await chatwire.chat.completions.create(body);
        check(completion.choices.length === 1, CHATWIRE);
      }),
    },
    {
      name: RAW,
      run: repeat(REQUESTS, async () => {
        const response = await undiciRequest(url, {
          method: 'POST',
          headers: rawHeaders,
          body: JSON.stringify(body),
          dispatcher: agent,
        });
        const completion = (await response.body.json()) as { choices: unknown[] };
        check(completion.choices.length === 1, RAW);
      }),
    },
    {
      name: 'undici.fetch',
      run: repeat(REQUESTS, async () => {
        const response = await undiciFetch(url, {
          method: 'POST',
          headers: rawHeaders,
          body: JSON.stringify(body),
          dispatcher: agent,
        });
        const completion = (await response.json()) as { choices: unknown[] };
        check(completion.choices.length === 1, 'undici.fetch');
      }),
    },
    {
      name: 'openai',
      run: repeat(REQUESTS, async () => {
        const completion = await openai.chat.completions.create(body);
        check(completion.choices.length === 1, 'openai');
      }),
    },
    {
      name: 'portkey-ai',
      run: repeat(REQUESTS, async () => {
        const completion = await portkey.chat.completions.create(body);
        check(completion.choices.length === 1, 'portkey-ai');
      }),
    },
  ];

  const streamed: BenchCase[] = [
    {
      name: CHATWIRE,
      run: repeat(STREAMS, async () => {
        let count = 0;
        for await (const _ of await chatwire.chat.completions.create(streamBody)) count++;
        check(count === CHUNKS, CHATWIRE);
      }),
    },
    {
      // The least any typed client must do: read the bytes, decode the events, parse each.
      name: FLOOR,
      run: repeat(STREAMS, async () => {
        const response = await undiciRequest(url, {
          method: 'POST',
          headers: { ...rawHeaders, accept: 'text/event-stream' },
          body: JSON.stringify(streamBody),
          dispatcher: agent,
        });
        let count = 0;
        const decoder = createSSEDecoder((event) => {
          if (event.data === '[DONE]') return;
          JSON.parse(event.data);
          count++;
        });
        for await (const part of response.body) decoder.push(part as Buffer);
        decoder.end();
        check(count === CHUNKS, FLOOR);
      }),
    },
    {
      name: RAW,
      run: repeat(STREAMS, async () => {
        const response = await undiciRequest(url, {
          method: 'POST',
          headers: { ...rawHeaders, accept: 'text/event-stream' },
          body: JSON.stringify(streamBody),
          dispatcher: agent,
        });
        let bytes = 0;
        for await (const part of response.body) bytes += (part as Buffer).length;
        check(bytes > CHUNKS * 100, RAW);
      }),
    },
    {
      name: 'undici.fetch',
      run: repeat(STREAMS, async () => {
        const response = await undiciFetch(url, {
          method: 'POST',
          headers: { ...rawHeaders, accept: 'text/event-stream' },
          body: JSON.stringify(streamBody),
          dispatcher: agent,
        });
        let bytes = 0;
        for await (const part of response.body!) bytes += part.length;
        check(bytes > CHUNKS * 100, 'undici.fetch');
      }),
    },
    {
      name: 'openai',
      run: repeat(STREAMS, async () => {
        let count = 0;
        for await (const _ of await openai.chat.completions.create(streamBody)) count++;
        check(count === CHUNKS, 'openai');
      }),
    },
    {
      name: 'portkey-ai',
      run: repeat(STREAMS, async () => {
        let count = 0;
        const stream = (await portkey.chat.completions.create(
          streamBody,
        )) as AsyncIterable<unknown>;
        for await (const _ of stream) count++;
        check(count === CHUNKS, 'portkey-ai');
      }),
    },
  ];

  try {
    const singleResults = await measureInterleaved(single, {
      warmupRounds: WARMUP_ROUNDS,
      rounds: ROUNDS,
    });
    printResults(
      `${formatNumber(REQUESTS)} sequential non-streamed calls (median of ${ROUNDS} rounds)`,
      'call',
      REQUESTS,
      singleResults,
    );
    const streamResults = await measureInterleaved(streamed, {
      warmupRounds: WARMUP_ROUNDS,
      rounds: ROUNDS,
    });
    printResults(
      `${formatNumber(STREAMS)} streamed answers of ${CHUNKS} chunks (median of ${ROUNDS} rounds; raw undici and undici.fetch only read the bytes)`,
      'stream',
      STREAMS,
      streamResults,
    );
  } finally {
    await chatwire.close();
    await agent.close();
    await server.stop();
  }
}
