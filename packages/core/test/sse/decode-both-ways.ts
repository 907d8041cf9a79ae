import { createSSEDecoder, decodeSSE, type ServerSentEvent } from '../../src/sse/index.js';

const encoder = new TextEncoder();

/** Bytes of text or raw byte values, as a test writes them. */
export type Piece = string | Uint8Array | readonly number[];

export function toBytes(piece: Piece): Uint8Array {
  if (typeof piece === 'string') return encoder.encode(piece);
  return piece instanceof Uint8Array ? piece : Uint8Array.from(piece);
}

/** A pull-based byte stream handing out one piece per read. */
export function streamOf(pieces: readonly Piece[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < pieces.length) controller.enqueue(toBytes(pieces[next++]!));
      else controller.close();
    },
  });
}

export async function collect(events: AsyncIterable<ServerSentEvent>): Promise<ServerSentEvent[]> {
  const received: ServerSentEvent[] = [];
  for await (const event of events) received.push(event);
  return received;
}

export async function decodeStream(pieces: readonly Piece[]): Promise<ServerSentEvent[]> {
  return collect(decodeSSE(streamOf(pieces)));
}

export function decodePushed(pieces: readonly Piece[]): ServerSentEvent[] {
  const received: ServerSentEvent[] = [];
  const decoder = createSSEDecoder((event) => received.push(event));
  for (const piece of pieces) decoder.push(toBytes(piece));
  decoder.end();
  return received;
}

/**
 * Decodes the pieces with decodeSSE over a ReadableStream, over an async iterable, and with the
 * push decoder; returns the events after checking that all three agree.
 */
export async function decodeAllWays(pieces: readonly Piece[]): Promise<ServerSentEvent[]> {
  const fromStream = await decodeStream(pieces);
  async function* iterable() {
    for (const piece of pieces) yield toBytes(piece);
  }
  const fromIterable = await collect(decodeSSE(iterable()));
  const pushed = decodePushed(pieces);
  if (
    JSON.stringify(fromIterable) !== JSON.stringify(fromStream) ||
    JSON.stringify(pushed) !== JSON.stringify(fromStream)
  ) {
    throw new Error(`front ends disagree: ${JSON.stringify({ fromStream, fromIterable, pushed })}`);
  }
  return fromStream;
}
