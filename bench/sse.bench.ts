import { createSSEDecoder, decodeSSE } from '@chatwire/core';
import { createParser } from 'eventsource-parser';
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { _iterSSEMessages, Stream as OpenAIStream } from 'openai/core/streaming';
import { Stream as PortkeyStream } from 'portkey-ai/dist/src/streaming.js';
import { type BenchCase, measureInterleaved } from './lib/measure.js';
import { pullStream, splitBytes } from './lib/pull-stream.js';
import { randomInt, seededRandom } from './lib/random.js';
import { chatCompletionStream, largeEventStream, type SSEWorkload } from './lib/sse-workload.js';
import { formatNumber, formatRatio, printTable } from './lib/table.js';

/**
 * Receives each decoded event: its `data` text, or, from a contender that parses JSON, the
 * parsed value (the timed runs discard it, so no contender pays for turning it back into text).
 */
type OnData = (data: string | object) => void;

/**
 * One contender: decodes the chunks, calling `onData` per event, in stream order. Contenders
 * are compared only with one of ours that does the same work: the decoders pass on each
 * event's text without parsing it; the JSON contenders also `JSON.parse` each event and stop
 * at `[DONE]`, as an SDK's public stream does.
 */
interface Decoder {
  name: string;
  /** The name of our contender this one is compared with. */
  versus: string;
  /** True when `onData` receives each event's parsed JSON, up to (not including) `[DONE]`. */
  parsesJSON?: boolean;
  /** False for a reference loop that decodes nothing, so has no output to check. */
  checked?: boolean;
  decode: (chunks: readonly Uint8Array[], onData: OnData) => Promise<void> | void;
}

const OURS_STREAM = 'decodeSSE (ReadableStream)';
const OURS_JSON = 'decodeSSE + JSON.parse';
const OURS_PUSH = 'createSSEDecoder (push)';
const WARMUP_ROUNDS = 2;
const ROUNDS = 7;

const decoders: Decoder[] = [
  {
    // Ours: the text of each event from a ReadableStream, no JSON.
    name: OURS_STREAM,
    versus: OURS_STREAM,
    async decode(chunks, onData) {
      for await (const event of decodeSSE(pullStream(chunks))) onData(event.data);
    },
  },
  {
    // TextDecoderStream + EventSourceParserStream: the text of each event, no JSON.
    name: 'eventsource-parser stream',
    versus: OURS_STREAM,
    async decode(chunks, onData) {
      const events = pullStream(chunks)
        .pipeThrough(new TextDecoderStream() as TransformStream<Uint8Array, string>)
        .pipeThrough(new EventSourceParserStream());
      for await (const event of events) onData(event.data);
    },
  },
  {
    // The decoding step of openai's Stream alone: the text of each event, no JSON.
    name: 'openai _iterSSEMessages',
    versus: OURS_STREAM,
    async decode(chunks, onData) {
      const response = new Response(pullStream(chunks));
      for await (const event of _iterSSEMessages(response, new AbortController())) {
        onData(event.data);
      }
    },
  },
  {
    // Our decoder with the JSON work openai's public stream does: parse each event, stop at
    // [DONE].
    name: OURS_JSON,
    versus: OURS_JSON,
    parsesJSON: true,
    async decode(chunks, onData) {
      for await (const event of decodeSSE(pullStream(chunks))) {
        if (event.data === '[DONE]') break;
        onData(JSON.parse(event.data));
      }
    },
  },
  {
    // openai's public path: its decoder plus JSON.parse of each event, stopping at [DONE].
    name: 'openai Stream.fromSSEResponse',
    versus: OURS_JSON,
    parsesJSON: true,
    async decode(chunks, onData) {
      const response = new Response(pullStream(chunks));
      const stream = OpenAIStream.fromSSEResponse<object>(response, new AbortController());
      for await (const chunk of stream) onData(chunk);
    },
  },
  {
    name: 'portkey-ai Stream (decoding)',
    versus: OURS_STREAM,
    async decode(chunks, onData) {
      const stream = new PortkeyStream(new Response(pullStream(chunks)));
      // The decoding step of portkey-ai's Stream, before its JSON handling: text, no JSON.
      const messages = (
        stream as unknown as { iterMessages(): AsyncIterable<{ data: string }> }
      ).iterMessages();
      for await (const event of messages) onData(event.data);
    },
  },
  {
    // Ours, pushed chunk by chunk: the text of each event, no JSON.
    name: OURS_PUSH,
    versus: OURS_PUSH,
    decode(chunks, onData) {
      const decoder = createSSEDecoder((event) => onData(event.data));
      for (const chunk of chunks) decoder.push(chunk);
      decoder.end();
    },
  },
  {
    // eventsource-parser's push parser fed by a streaming TextDecoder: text, no JSON.
    name: 'eventsource-parser push + TextDecoder',
    versus: OURS_PUSH,
    decode(chunks, onData) {
      const parser = createParser({ onEvent: (event) => onData(event.data) });
      const textDecoder = new TextDecoder();
      for (const chunk of chunks) parser.feed(textDecoder.decode(chunk, { stream: true }));
      parser.feed(textDecoder.decode());
    },
  },
  {
    // Reads and decodes the bytes without finding events: the cost under every decoder.
    name: 'floor: reader + TextDecoder, no parsing',
    versus: OURS_STREAM,
    checked: false,
    async decode(chunks) {
      const reader = pullStream(chunks).getReader();
      const textDecoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        textDecoder.decode(value, { stream: true });
      }
    },
  },
];

interface Scenario {
  title: string;
  workload: SSEWorkload;
  chunks: Uint8Array[];
}

function scenario(title: string, workload: SSEWorkload, minChunk: number, maxChunk: number) {
  const random = seededRandom(0x5ee);
  const chunks = splitBytes(workload.bytes, () => randomInt(random, minChunk, maxChunk));
  return { title, workload, chunks };
}

/**
 * Decodes the scenario once and compares with the expected events. Returns `'yes'`, or how
 * many events came out wrong (peers that decode each chunk on its own corrupt characters
 * split between chunks). Our own decoders must be exact.
 */
async function verify(decoder: Decoder, { workload, chunks, title }: Scenario): Promise<string> {
  const received: string[] = [];
  await decoder.decode(chunks, (data) =>
    received.push(typeof data === 'string' ? data : JSON.stringify(data)),
  );
  // The workloads' JSON is JSON.stringify's output, so a parsed event prints back the same.
  const expected = decoder.parsesJSON
    ? workload.expectedData.filter((data) => data !== '[DONE]')
    : workload.expectedData;
  let wrong = Math.abs(received.length - expected.length);
  const compared = Math.min(received.length, expected.length);
  for (let index = 0; index < compared; index++) {
    if (received[index] !== expected[index]) wrong++;
  }
  if (wrong === 0) return 'yes';
  if (decoder.name === decoder.versus) {
    throw new Error(`${decoder.name} decoded ${title} wrongly: ${wrong} events differ.`);
  }
  return `no: ${formatNumber(wrong)} wrong`;
}

async function runScenario(scenario: Scenario): Promise<void> {
  const correctness: string[] = [];
  for (const decoder of decoders) {
    correctness.push(decoder.checked === false ? '-' : await verify(decoder, scenario));
  }
  const discard: OnData = () => {};
  const cases: BenchCase[] = decoders.map((decoder) => ({
    name: decoder.name,
    run: () => decoder.decode(scenario.chunks, discard),
  }));
  const timings = await measureInterleaved(cases, { warmupRounds: WARMUP_ROUNDS, rounds: ROUNDS });
  const medianOf = (name: string) => timings.find((timing) => timing.name === name)!.medianMs;
  const eventCount = scenario.workload.expectedData.length;
  const megabytes = scenario.workload.bytes.length / 1e6;
  console.log(
    `\n## ${scenario.title}: ${formatNumber(eventCount)} events, ${megabytes.toFixed(1)} MB, ` +
      `${formatNumber(scenario.chunks.length)} chunks (median of ${ROUNDS} interleaved rounds)\n`,
  );
  printTable(
    ['decoder', 'median ms', 'events/s', 'MB/s', 'peer / ours', 'compared with', 'correct'],
    decoders.map((decoder, index) => {
      const ms = timings[index]!.medianMs;
      const isOurs = decoder.name === decoder.versus;
      return [
        decoder.name,
        formatNumber(ms, 1),
        formatNumber((eventCount / ms) * 1000),
        formatNumber((megabytes / ms) * 1000, 1),
        isOurs ? '1.00× (ours)' : formatRatio(ms, medianOf(decoder.versus)),
        isOurs ? '' : decoder.versus,
        correctness[index]!,
      ];
    }),
  );
}

/** decodeSSE and the push decoder against eventsource-parser, openai and portkey-ai. */
export default async function sseBench(): Promise<void> {
  const chat = chatCompletionStream(50_000, 0xc4a7);
  const large = largeEventStream(200, 64 * 1024, 0x64);
  const scenarios: Scenario[] = [
    scenario('chat completion chunks in 1–16,384-byte chunks', chat, 1, 16_384),
    scenario('chat completion chunks in 1–64-byte chunks', chat, 1, 64),
    scenario('64 KiB events in 1–16,384-byte chunks', large, 1, 16_384),
  ];
  for (const each of scenarios) await runScenario(each);
}
