import { describe, expect, it } from 'vitest';
import { ChatwireError, SSEEventTooLargeError } from '../../src/errors/index.js';
import { createSSEDecoder, decodeSSE, type ServerSentEvent } from '../../src/sse/index.js';
import { collect, toBytes } from './decode-both-ways.js';

/**
 * A stream that hands out `pieces`, then waits for more until cancelled, recording the
 * cancellation reason.
 */
function openStream(pieces: string[]) {
  const cancelled: unknown[] = [];
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < pieces.length) controller.enqueue(toBytes(pieces[next++]!));
      // else: the server is still working on its next chunk.
    },
    cancel(reason) {
      cancelled.push(reason);
    },
  });
  return { stream, cancelled };
}

describe('decodeSSE abort', () => {
  it('rejects with the reason and cancels the source when aborted before reading', async () => {
    const { stream, cancelled } = openStream(['data: a\n\n']);
    const controller = new AbortController();
    const reason = new Error('user left');
    controller.abort(reason);
    await expect(collect(decodeSSE(stream, { signal: controller.signal }))).rejects.toBe(reason);
    expect(cancelled).toEqual([reason]);
    expect(stream.locked).toBe(false);
  });

  it('rejects a pending read at once when aborted mid-stream and releases the reader', async () => {
    const { stream, cancelled } = openStream(['data: a\n\n']);
    const controller = new AbortController();
    const events = decodeSSE(stream, { signal: controller.signal });
    expect((await events.next()).value).toEqual({ event: 'message', data: 'a' });
    const pending = events.next();
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(cancelled).toEqual([reason]);
    expect(stream.locked).toBe(false);
    expect(await events.next()).toEqual({ value: undefined, done: true });
  });

  it('stops handing out already decoded events once aborted', async () => {
    const { stream, cancelled } = openStream(['data: a\n\ndata: b\n\n']);
    const controller = new AbortController();
    const events = decodeSSE(stream, { signal: controller.signal });
    expect((await events.next()).value?.data).toBe('a');
    controller.abort();
    await expect(events.next()).rejects.toBeInstanceOf(DOMException);
    expect(cancelled).toHaveLength(1);
  });

  it('abandons an async iterable that never yields again when aborted', async () => {
    let returned = false;
    const never: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({
        next: () => new Promise<IteratorResult<Uint8Array>>(() => {}),
        return: async () => {
          returned = true;
          return { value: undefined, done: true };
        },
      }),
    };
    const controller = new AbortController();
    const pending = decodeSSE(never, { signal: controller.signal }).next();
    const reason = new Error('gone');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(returned).toBe(true);
  });
});

describe('decodeSSE early exit', () => {
  it('cancels the stream when the consumer breaks out of for-await', async () => {
    const { stream, cancelled } = openStream(['data: a\n\ndata: b\n\n']);
    const seen: string[] = [];
    for await (const event of decodeSSE(stream)) {
      seen.push(event.data);
      break;
    }
    expect(seen).toEqual(['a']);
    expect(cancelled).toHaveLength(1);
    expect(stream.locked).toBe(false);
  });

  it('calls return() on an async iterable source when the consumer stops', async () => {
    let finished = false;
    async function* source() {
      try {
        for (let i = 0; i < 10; i++) yield toBytes(`data: ${i}\n\n`);
      } finally {
        finished = true;
      }
    }
    const seen: string[] = [];
    for await (const event of decodeSSE(source())) {
      seen.push(event.data);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(['0', '1']);
    expect(finished).toBe(true);
  });

  it('releases the reader and does not cancel a stream that ended by itself', async () => {
    const cancelled: unknown[] = [];
    const closed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(toBytes('data: a\n\n'));
        controller.close();
      },
      cancel(reason) {
        cancelled.push(reason);
      },
    });
    expect(await collect(decodeSSE(closed))).toEqual([{ event: 'message', data: 'a' }]);
    expect(closed.locked).toBe(false);
    expect(cancelled).toEqual([]);
  });

  it('rejects with the source error', async () => {
    const failure = new Error('socket hang up');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(toBytes('data: a\n\n'));
      },
      pull(controller) {
        controller.error(failure);
      },
    });
    const seen: ServerSentEvent[] = [];
    await expect(
      (async () => {
        for await (const event of decodeSSE(stream)) seen.push(event);
      })(),
    ).rejects.toBe(failure);
    expect(seen).toEqual([{ event: 'message', data: 'a' }]);
  });
});

describe('maxEventBytes', () => {
  it('rejects an event larger than the limit with SSEEventTooLargeError', async () => {
    const body = ['data: 12345\ndata: 67890\n\n'];
    const events = decodeSSE(openStream(body).stream, { maxEventBytes: 16 });
    const error = await collect(events).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SSEEventTooLargeError);
    expect(error).toBeInstanceOf(ChatwireError);
    expect((error as SSEEventTooLargeError).maxEventBytes).toBe(16);
    expect((error as Error).message).toMatch(/exceeded the limit of 16 bytes/);
  });

  it('rejects a single line that keeps growing without a line end', async () => {
    const { stream, cancelled } = openStream(['data: ', 'x'.repeat(40), 'x'.repeat(40)]);
    await expect(collect(decodeSSE(stream, { maxEventBytes: 64 }))).rejects.toBeInstanceOf(
      SSEEventTooLargeError,
    );
    expect(cancelled).toHaveLength(1);
  });

  it('hands out the events completed before the oversized one, then rejects', async () => {
    const body = [`data: a\n\ndata: b\n\ndata: ${'x'.repeat(100)}\n\n`];
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const event of decodeSSE(openStream(body).stream, { maxEventBytes: 50 })) {
          seen.push(event.data);
        }
      })(),
    ).rejects.toBeInstanceOf(SSEEventTooLargeError);
    expect(seen).toEqual(['a', 'b']);
  });

  it('accepts events up to the limit and counts each event afresh', async () => {
    const body = ['data: 1234567890\n\ndata: 1234567890\n\n'];
    const closed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(toBytes(body[0]!));
        controller.close();
      },
    });
    const all = await collect(decodeSSE(closed, { maxEventBytes: 16 }));
    expect(all.map((event) => event.data)).toEqual(['1234567890', '1234567890']);
  });

  it('applies to the push decoder', () => {
    const decoder = createSSEDecoder(() => {}, { maxEventBytes: 8 });
    expect(() => decoder.push(toBytes('data: 0123456789'))).toThrow(SSEEventTooLargeError);
  });
});

describe('createSSEDecoder', () => {
  it('calls onEvent during push for each event the bytes complete', () => {
    const seen: string[] = [];
    const decoder = createSSEDecoder((event) => seen.push(event.data));
    decoder.push(toBytes('data: a\n\ndata: b'));
    expect(seen).toEqual(['a']);
    decoder.push(toBytes('\n\n'));
    expect(seen).toEqual(['a', 'b']);
    decoder.end();
  });

  it('refuses push after end', () => {
    const decoder = createSSEDecoder(() => {});
    decoder.end();
    expect(() => decoder.push(toBytes('data: a\n\n'))).toThrow(ChatwireError);
  });
});
