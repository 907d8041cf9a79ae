import {
  ChatCompletionStream,
  createSSEDecoder,
  decodeSSE,
  type PortkeyResponseMeta,
} from '@chatwire/core';
import { createHttpChatTransport } from '@chatwire/core/chat';
import { createParser } from 'eventsource-parser';
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { type BenchCase, measureInterleaved } from './lib/measure.js';
import { pullStream, splitBytes } from './lib/pull-stream.js';
import { formatNumber, formatRatio, printTable } from './lib/table.js';

const SIZES_KIB = (process.env.BENCH_LONG_LINE_SIZES_KIB ?? '64,256,1024').split(',').map(Number);
/** eventsource-parser is quadratic here (about 45 s for 1 MiB): larger lines skip it. */
const PEER_MAX_KIB = Number(process.env.BENCH_LONG_LINE_PEER_MAX_KIB ?? 256);
const READ_BYTES = 4;
const ROUNDS = Number(process.env.BENCH_LONG_LINE_ROUNDS ?? 3);
const WARMUP_ROUNDS = 1;

const FLOOR = 'floor: reader loop, no decoding';
const OURS_STREAM = 'decodeSSE (ReadableStream)';
const OURS_PUSH = 'createSSEDecoder (push, reader loop)';

/** One contender: reads the 4-byte chunks of one body and checks what it got. */
interface Contender {
  name: string;
  /** Left out above {@link PEER_MAX_KIB}, where it would take minutes. */
  quadratic?: boolean;
  run: (chunks: readonly Uint8Array[], expected: Expected) => Promise<void> | void;
}

/** What a contender must find: the event's data, or the chunk's content. */
interface Expected {
  dataLength: number;
  contentLength: number;
  bodyLength: number;
}

/** One chat completion chunk whose text is `size` bytes long, then `[DONE]`. */
function longLineBody(size: number): { bytes: Uint8Array; expected: Expected } {
  const head = '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m",';
  const tail = '"choices":[{"index":0,"delta":{"content":"';
  const end = '"},"finish_reason":"stop"}]}';
  const content = 'x'.repeat(size - head.length - tail.length - end.length);
  const data = head + tail + content + end;
  const bytes = new TextEncoder().encode(`data: ${data}\n\ndata: [DONE]\n\n`);
  return {
    bytes,
    expected: { dataLength: data.length, contentLength: content.length, bodyLength: bytes.length },
  };
}

function check(condition: boolean, who: string): void {
  if (!condition) throw new Error(`${who} decoded the long line wrongly`);
}

/** The async iterable a Node body (an `IncomingMessage`, undici's body) reads as. */
async function* iterate(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

const meta: PortkeyResponseMeta = {
  status: 200,
  headers: new Headers(),
  traceId: null,
  requestId: null,
  cacheStatus: null,
  retryAttemptCount: null,
  lastUsedOption: null,
  lastUsedOptionIndex: null,
};

const contenders: Contender[] = [
  {
    name: FLOOR,
    async run(chunks, expected) {
      const reader = pullStream(chunks).getReader();
      let bytes = 0;
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        bytes += read.value.length;
      }
      check(bytes === expected.bodyLength, FLOOR);
    },
  },
  {
    name: OURS_STREAM,
    async run(chunks, expected) {
      let first = 0;
      for await (const event of decodeSSE(pullStream(chunks))) first ||= event.data.length;
      check(first === expected.dataLength, OURS_STREAM);
    },
  },
  {
    name: 'decodeSSE (async iterable)',
    async run(chunks, expected) {
      let first = 0;
      for await (const event of decodeSSE(iterate(chunks))) first ||= event.data.length;
      check(first === expected.dataLength, 'decodeSSE (async iterable)');
    },
  },
  {
    // Fed by the same reader loop as the floor, so that it is compared with decodeSSE on the
    // same source.
    name: OURS_PUSH,
    async run(chunks, expected) {
      let first = 0;
      const decoder = createSSEDecoder((event) => {
        first ||= event.data.length;
      });
      const reader = pullStream(chunks).getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        decoder.push(read.value);
      }
      decoder.end();
      check(first === expected.dataLength, OURS_PUSH);
    },
  },
  {
    name: 'createSSEDecoder (push, from an array)',
    run(chunks, expected) {
      let first = 0;
      const decoder = createSSEDecoder((event) => {
        first ||= event.data.length;
      });
      for (const chunk of chunks) decoder.push(chunk);
      decoder.end();
      check(first === expected.dataLength, 'createSSEDecoder (push, from an array)');
    },
  },
  {
    name: 'client stream: for await (ReadableStream)',
    async run(chunks, expected) {
      const stream = new ChatCompletionStream(pullStream(chunks), {
        controller: new AbortController(),
        meta,
      });
      let content = 0;
      for await (const chunk of stream) content += chunk.choices[0]?.delta.content?.length ?? 0;
      check(content === expected.contentLength, 'client stream');
    },
  },
  {
    name: 'server relay: eventBytes() (ReadableStream)',
    async run(chunks, expected) {
      const stream = new ChatCompletionStream(pullStream(chunks), {
        controller: new AbortController(),
        meta,
      });
      let bytes = 0;
      for await (const piece of stream.eventBytes()) bytes += piece.length;
      check(bytes === expected.bodyLength, 'server relay');
    },
  },
  {
    name: 'server relay: eventBytes() (async iterable)',
    async run(chunks, expected) {
      const stream = new ChatCompletionStream(iterate(chunks), {
        controller: new AbortController(),
        meta,
      });
      let bytes = 0;
      for await (const piece of stream.eventBytes()) bytes += piece.length;
      check(bytes === expected.bodyLength, 'server relay (async iterable)');
    },
  },
  {
    name: 'chat transport (fetch body)',
    async run(chunks, expected) {
      const transport = createHttpChatTransport({
        fetch: async () => new Response(pullStream(chunks)),
      });
      const response = await transport.send({
        messages: [],
        body: {},
        headers: {},
        signal: new AbortController().signal,
      });
      let content = 0;
      for await (const chunk of response.chunks) {
        content += chunk.choices[0]?.delta.content?.length ?? 0;
      }
      check(content === expected.contentLength, 'chat transport');
    },
  },
  {
    name: 'eventsource-parser stream',
    quadratic: true,
    async run(chunks, expected) {
      const events = pullStream(chunks)
        .pipeThrough(new TextDecoderStream() as TransformStream<Uint8Array, string>)
        .pipeThrough(new EventSourceParserStream());
      let first = 0;
      for await (const event of events) first ||= event.data.length;
      check(first === expected.dataLength, 'eventsource-parser stream');
    },
  },
  {
    name: 'eventsource-parser push + TextDecoder',
    quadratic: true,
    run(chunks, expected) {
      let first = 0;
      const parser = createParser({
        onEvent: (event) => {
          first ||= event.data.length;
        },
      });
      const textDecoder = new TextDecoder();
      for (const chunk of chunks) parser.feed(textDecoder.decode(chunk, { stream: true }));
      parser.feed(textDecoder.decode());
      check(first === expected.dataLength, 'eventsource-parser push');
    },
  },
];

/** A stream holding every chunk from the start, which Node's web streams dequeue slowly. */
function enqueuedStream(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function measureSize(sizeKiB: number): Promise<Map<string, number>> {
  const { bytes, expected } = longLineBody(sizeKiB * 1024);
  const chunks = splitBytes(bytes, () => READ_BYTES);
  const cases: BenchCase[] = contenders
    .filter((contender) => !contender.quadratic || sizeKiB <= PEER_MAX_KIB)
    .map((contender) => ({ name: contender.name, run: () => contender.run(chunks, expected) }));
  const timings = await measureInterleaved(cases, { warmupRounds: WARMUP_ROUNDS, rounds: ROUNDS });
  return new Map(timings.map((timing) => [timing.name, timing.medianMs]));
}

async function measureEnqueued(): Promise<void> {
  const rows: string[][] = [];
  for (const sizeKiB of [16, 64]) {
    const { bytes, expected } = longLineBody(sizeKiB * 1024);
    const chunks = splitBytes(bytes, () => READ_BYTES);
    const timings = await measureInterleaved(
      [
        {
          name: FLOOR,
          async run() {
            const reader = enqueuedStream(chunks).getReader();
            while (!(await reader.read()).done) {}
          },
        },
        {
          name: OURS_STREAM,
          async run() {
            let first = 0;
            for await (const event of decodeSSE(enqueuedStream(chunks))) {
              first ||= event.data.length;
            }
            check(first === expected.dataLength, OURS_STREAM);
          },
        },
      ],
      { warmupRounds: 0, rounds: 1 },
    );
    for (const timing of timings)
      rows.push([`${sizeKiB} KiB`, timing.name, formatNumber(timing.medianMs, 1)]);
  }
  console.log(
    `\n## The same line enqueued whole before reading (measures Node's ReadableStream queue, ` +
      `which slows down with its length, not the decoder)\n`,
  );
  printTable(['line', 'reader', 'ms'], rows);
}

/**
 * One chat completion chunk on a single 64 KiB to 1 MiB line, read 4 bytes at a time: every
 * decoding path must stay linear in the line's length.
 */
export default async function sseLongLinesBench(): Promise<void> {
  const bySize = new Map<number, Map<string, number>>();
  for (const sizeKiB of SIZES_KIB) bySize.set(sizeKiB, await measureSize(sizeKiB));
  const smallest = Math.min(...SIZES_KIB);
  const largest = Math.max(...SIZES_KIB);
  console.log(
    `\n## One long line in ${READ_BYTES}-byte reads from a pull-based source, as a network ` +
      `body arrives (median ms of ${ROUNDS} interleaved rounds)\n`,
  );
  printTable(
    ['contender', ...SIZES_KIB.map((size) => `${size} KiB`), `t(${largest}) / t(${smallest})`],
    contenders.map((contender) => {
      const times = SIZES_KIB.map((size) => bySize.get(size)!.get(contender.name));
      const first = bySize.get(smallest)!.get(contender.name);
      const last = bySize.get(largest)!.get(contender.name);
      return [
        contender.name,
        ...times.map((ms) => (ms === undefined ? 'skipped' : formatNumber(ms, 1))),
        first !== undefined && last !== undefined ? formatRatio(last, first) : '-',
      ];
    }),
  );
  const atLargest = bySize.get(largest)!;
  console.log(
    `\ndecodeSSE (ReadableStream) / push decoder at ${largest} KiB: ` +
      formatRatio(atLargest.get(OURS_STREAM)!, atLargest.get(OURS_PUSH)!),
  );
  await measureEnqueued();
}
