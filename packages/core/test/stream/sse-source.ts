import type { ChatCompletionChunk } from '../../src/types/index.js';
import { dataEvent } from '../support/responses.js';

/** The SSE text Portkey sends for these chunks: `data: <json>\n\n` each, then `[DONE]`. */
export function sseText(chunks: readonly unknown[], { done = true } = {}): string {
  let text = '';
  for (const value of chunks) text += dataEvent(value);
  return done ? `${text}data: [DONE]\n\n` : text;
}

/** A small deterministic generator, so that a failing split can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Splits bytes at random places (pieces of 1 to 16 bytes), including inside UTF-8 sequences. */
export function splitRandomly(bytes: Uint8Array, seed: number): Uint8Array[] {
  const random = seededRandom(seed);
  const pieces: Uint8Array[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const size = 1 + Math.floor(random() * 16);
    pieces.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return pieces;
}

/** A body that delivers `text` in random pieces and records whether it was cancelled. */
export interface ByteSource {
  body: ReadableStream<Uint8Array>;
  /** The reason the body was cancelled with, once it was. */
  readonly cancelled: { value: boolean; reason: unknown };
}

/**
 * A `ReadableStream` of `text` split at random. With `hold: true` it delivers everything and
 * then stays open, as a server that stopped sending without closing does.
 */
export function byteSource(text: string, seed = 1, { hold = false } = {}): ByteSource {
  const pieces = splitRandomly(new TextEncoder().encode(text), seed);
  const cancelled = { value: false, reason: undefined as unknown };
  let next = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const piece = pieces[next++];
        if (piece !== undefined) {
          controller.enqueue(piece);
          return;
        }
        if (!hold) {
          controller.close();
          return;
        }
        return new Promise<void>(() => {});
      },
      cancel(reason) {
        cancelled.value = true;
        cancelled.reason = reason;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, cancelled };
}

/** Reads an async iterable to its end. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** The JSON of each chunk, to compare what came out with what went in. */
export function asJSON(chunks: readonly ChatCompletionChunk[]): unknown[] {
  return chunks.map((value) => JSON.parse(JSON.stringify(value)));
}
