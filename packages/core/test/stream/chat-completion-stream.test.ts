import { describe, expect, it } from 'vitest';
import { readResponseMeta } from '../../src/client/response-meta.js';
import {
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ChatwireError,
  StreamTruncatedError,
} from '../../src/errors/index.js';
import { decodeSSE } from '../../src/sse/index.js';
import { ChatCompletionAccumulator, ChatCompletionStream } from '../../src/stream/index.js';
import type { ChatCompletionChunk } from '../../src/types/index.js';
import { chunk, delta, textChunks } from './chunks.js';
import { asJSON, byteSource, collect, sseText } from './sse-source.js';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

function streamOf(body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>) {
  return new ChatCompletionStream(body, {
    controller: new AbortController(),
    meta: readResponseMeta(200, new Headers({ 'x-portkey-trace-id': 'trace-1' })),
  });
}

function expected(chunks: ChatCompletionChunk[]) {
  const accumulator = new ChatCompletionAccumulator();
  for (const value of chunks) accumulator.add(value);
  return accumulator.completion;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

const beforeHooks = { hook_results: { before_request_hooks: [{ id: 'pii', verdict: true }] } };
const afterHooks = { hook_results: { after_request_hooks: [{ id: 'tone', verdict: false }] } };

describe('ChatCompletionStream over SSE bytes', () => {
  it.each(SEEDS)('yields every chunk, however the bytes are split (seed %i)', async (seed) => {
    const chunks = textChunks(['Grüße ', 'aus ', '東京 🚀']);
    const stream = streamOf(byteSource(sseText(chunks), seed).body);
    expect(asJSON(await collect(stream))).toEqual(asJSON(chunks));
    expect(await stream.finalChatCompletion()).toEqual(expected(chunks));
    expect(await stream.finalText()).toBe('Grüße aus 東京 🚀');
  });

  it('reads the whole answer for finalChatCompletion() when nobody iterates', async () => {
    const chunks = textChunks(['no ', 'loop']);
    const stream = streamOf(byteSource(sseText(chunks)).body);
    expect((await stream.finalChatCompletion()).choices[0]?.message.content).toBe('no loop');
    expect(await stream.finalText()).toBe('no loop');
  });

  it('ignores ping comments', async () => {
    const chunks = textChunks(['a', 'b']);
    const text = `: ping\n\n${sseText(chunks).replaceAll('\n\n', '\n\n: ping\n\n')}`;
    const stream = streamOf(byteSource(text, 3).body);
    expect(asJSON(await collect(stream))).toEqual(asJSON(chunks));
  });

  it('keeps the leading hook_results chunk out of the chunks and in hookResults', async () => {
    const chunks = textChunks(['guarded']);
    const stream = streamOf(byteSource(sseText([beforeHooks, ...chunks])).body);
    const received = await collect(stream);
    expect(asJSON(received)).toEqual(asJSON(chunks));
    expect(stream.hookResults?.before_request_hooks).toEqual(
      beforeHooks.hook_results.before_request_hooks,
    );
  });

  it('ends the chunks at [DONE] and keeps reading for the output guardrail results', async () => {
    const chunks = textChunks(['done']);
    const text = `${sseText(chunks)}data: ${JSON.stringify(afterHooks)}\n\n`;
    const stream = streamOf(byteSource(text, 5).body);
    const received = await collect(stream);
    expect(asJSON(received)).toEqual(asJSON(chunks));
    expect(stream.afterDoneChunks).toEqual([afterHooks]);
    expect(stream.hookResults?.after_request_hooks).toEqual(
      afterHooks.hook_results.after_request_hooks,
    );
    expect(await stream.finalText()).toBe('done');
  });

  it('yields the usage-only chunk, with empty choices when it has none', async () => {
    const usage = { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 };
    const usageOnly = { id: 'chatcmpl-1', object: 'chat.completion.chunk', usage };
    const stream = streamOf(byteSource(sseText([...textChunks(['x']), usageOnly])).body);
    const received = await collect(stream);
    expect(received.at(-1)).toEqual({ ...usageOnly, choices: [] });
    expect((await stream.finalChatCompletion()).usage).toEqual(usage);
  });

  it('throws an APIError for `event: error`, after the chunks before it', async () => {
    const error = { error: { message: 'upstream failed', type: 'server_error', code: 'E1' } };
    const text = `${sseText(textChunks(['par']).slice(0, 2), { done: false })}event: error\ndata: ${JSON.stringify(error)}\n\n`;
    const stream = streamOf(byteSource(text, 2).body);
    const received: ChatCompletionChunk[] = [];
    const thrown = await rejection(
      (async () => {
        for await (const value of stream) received.push(value);
      })(),
    );
    expect(received).toHaveLength(2);
    expect(thrown).toBeInstanceOf(APIError);
    expect((thrown as APIError).message).toContain('upstream failed');
    expect((thrown as APIError).code).toBe('E1');
    expect((thrown as APIError).traceID).toBe('trace-1');
    expect(await rejection(stream.finalChatCompletion())).toBe(thrown);
  });

  it('throws an APIError for a `{"error": …}` chunk', async () => {
    const text = sseText([
      chunk([delta({ role: 'assistant', content: 'x' })]),
      { error: { message: 'quota exhausted', type: 'insufficient_quota', code: null } },
    ]);
    const thrown = await rejection(streamOf(byteSource(text).body).finalChatCompletion());
    expect(thrown).toBeInstanceOf(APIError);
    expect((thrown as APIError).type).toBe('insufficient_quota');
  });

  it('reports a body that ends without [DONE] or finish_reason as truncated, with the partial answer', async () => {
    const chunks = textChunks(['The answer is ', 'forty']).slice(0, -1);
    const stream = streamOf(byteSource(sseText(chunks, { done: false }), 4).body);
    const received: ChatCompletionChunk[] = [];
    const thrown = await rejection(
      (async () => {
        for await (const value of stream) received.push(value);
      })(),
    );
    expect(received).toHaveLength(chunks.length);
    expect(thrown).toBeInstanceOf(StreamTruncatedError);
    expect(thrown).toBeInstanceOf(ChatwireError);
    const partial = (thrown as StreamTruncatedError).partialCompletion;
    expect(partial.choices[0]?.message.content).toBe('The answer is forty');
    expect(partial.choices[0]?.finish_reason).toBeNull();
  });

  it('reports an empty body as truncated', async () => {
    const thrown = await rejection(streamOf(byteSource('').body).finalChatCompletion());
    expect(thrown).toBeInstanceOf(StreamTruncatedError);
  });

  it('accepts a body without [DONE] when every choice has its finish_reason', async () => {
    const chunks = textChunks(['complete']);
    const stream = streamOf(byteSource(sseText(chunks, { done: false })).body);
    expect(asJSON(await collect(stream))).toEqual(asJSON(chunks));
    expect(await stream.finalText()).toBe('complete');
  });

  it('reports a body without [DONE] as truncated when one of several choices is unfinished', async () => {
    const chunks = [
      chunk([delta({ content: 'a' }, null, 0), delta({ content: 'b' }, null, 1)]),
      chunk([delta({}, 'stop', 0)]),
    ];
    const thrown = await rejection(
      streamOf(byteSource(sseText(chunks, { done: false })).body).finalChatCompletion(),
    );
    expect(thrown).toBeInstanceOf(StreamTruncatedError);
  });

  it('cancels the body when aborted mid-stream and throws APIUserAbortError', async () => {
    const [first, second] = textChunks(['one', 'two']);
    const text =
      sseText([first], { done: false }) + sseText([second], { done: false }).slice(0, 20);
    const source = byteSource(text, 1, { hold: true });
    const stream = streamOf(source.body);
    const received: ChatCompletionChunk[] = [];
    const thrown = await rejection(
      (async () => {
        for await (const value of stream) {
          received.push(value);
          stream.abort();
        }
      })(),
    );
    expect(received).toHaveLength(1);
    expect(thrown).toBeInstanceOf(APIUserAbortError);
    expect(source.cancelled.value).toBe(true);
    expect(await rejection(stream.finalChatCompletion())).toBe(thrown);
  });

  it('throws the abort reason when it is a chatwire error (the idle timeout)', async () => {
    const source = byteSource(sseText(textChunks(['slow'])).slice(0, 60), 1, { hold: true });
    const controller = new AbortController();
    const stream = new ChatCompletionStream(source.body, {
      controller,
      meta: readResponseMeta(200, new Headers()),
    });
    const final = stream.finalChatCompletion();
    const timeout = new APIConnectionTimeoutError();
    controller.abort(timeout);
    expect(await rejection(final)).toBe(timeout);
    expect(source.cancelled.value).toBe(true);
  });

  it('aborts the request when the loop is left early', async () => {
    const source = byteSource(sseText(textChunks(['a', 'b', 'c'])), 1, { hold: true });
    const stream = streamOf(source.body);
    for await (const _value of stream) break;
    expect(stream.controller.signal.aborted).toBe(true);
    expect(source.cancelled.value).toBe(true);
    expect(await rejection(stream.finalChatCompletion())).toBeInstanceOf(APIUserAbortError);
  });

  it('can be read once', async () => {
    const stream = streamOf(byteSource(sseText(textChunks(['x']))).body);
    await collect(stream);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(/already being read by for await/);
    expect(() => stream.toReadableStream()).toThrow(ChatwireError);
    const drained = streamOf(byteSource(sseText(textChunks(['y']))).body);
    await drained.finalChatCompletion();
    expect(() => drained[Symbol.asyncIterator]()).toThrow(/finalChatCompletion\(\)/);
  });

  it('reads a Node-style async iterable body', async () => {
    const chunks = textChunks(['from ', 'node']);
    const bytes = new TextEncoder().encode(sseText(chunks));
    async function* body() {
      for (let offset = 0; offset < bytes.length; offset += 7)
        yield bytes.subarray(offset, offset + 7);
    }
    const stream = streamOf(body());
    expect(asJSON(await collect(stream))).toEqual(asJSON(chunks));
  });
});

describe('ChatCompletionStream.toReadableStream', () => {
  async function readAll(body: ReadableStream<Uint8Array>): Promise<string> {
    const decoder = new TextDecoder();
    let text = '';
    for await (const piece of body) text += decoder.decode(piece, { stream: true });
    return text + decoder.decode();
  }

  it.each(SEEDS)('gives back the bytes Portkey sent (seed %i)', async (seed) => {
    const chunks = textChunks(['round ', 'trip ', '✓']);
    const text = `${sseText([beforeHooks, ...chunks])}data: ${JSON.stringify(afterHooks)}\n\n`;
    const stream = streamOf(byteSource(text, seed).body);
    const out = await readAll(stream.toReadableStream());
    expect(out).toBe(text);
    const decoded = [];
    for await (const event of decodeSSE(new Response(out).body!)) decoded.push(event.data);
    expect(decoded).toEqual(
      text
        .split('\n\n')
        .filter(Boolean)
        .map((line) => line.slice(6)),
    );
    expect(await stream.finalText()).toBe('round trip ✓');
  });

  it('keeps the original data text rather than re-serialising it', async () => {
    const original =
      '{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"\\u00e9"},"finish_reason":"stop"}]}';
    const text = `data: ${original}\n\ndata: [DONE]\n\n`;
    const out = await readAll(streamOf(byteSource(text).body).toReadableStream());
    expect(out).toBe(text);
  });

  it('passes an error event on and then closes, while finalChatCompletion() rejects', async () => {
    const error = JSON.stringify({ error: { message: 'boom', type: 'server_error' } });
    const text = `${sseText(textChunks(['x']).slice(0, 2), { done: false })}event: error\ndata: ${error}\n\n`;
    const stream = streamOf(byteSource(text).body);
    expect(await readAll(stream.toReadableStream())).toBe(text);
    expect(await rejection(stream.finalChatCompletion())).toBeInstanceOf(APIError);
  });

  it('aborts the request when the reader cancels', async () => {
    const source = byteSource(sseText(textChunks(['a', 'b'])), 1, { hold: true });
    const stream = streamOf(source.body);
    const reader = stream.toReadableStream().getReader();
    await reader.read();
    await reader.cancel();
    expect(stream.controller.signal.aborted).toBe(true);
    expect(source.cancelled.value).toBe(true);
    expect(await rejection(stream.finalChatCompletion())).toBeInstanceOf(APIUserAbortError);
  });
});

describe('ChatCompletionStream.eventBytes', () => {
  const decoder = new TextDecoder();

  /** Reads the bytes to their end, keeping each piece as it was handed out. */
  async function readPieces(stream: ChatCompletionStream): Promise<string[]> {
    const pieces: string[] = [];
    for await (const bytes of stream.eventBytes()) pieces.push(decoder.decode(bytes));
    return pieces;
  }

  it('hands over each event it passes on before its bytes, and none of those it leaves out', async () => {
    const usage = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 };
    const text = sseText([...textChunks(['Hel', 'lo']), chunk([], { usage })]);
    const datasOf = async (passed: string) =>
      (await collect(decodeSSE(byteSource(passed).body))).map((event) => event.data);
    for (const seed of SEEDS) {
      const stream = streamOf(byteSource(text, seed).body);
      const handed: string[] = [];
      let passed = '';
      const events = stream.eventBytes({
        omitChunk: (one) => one.choices.length === 0,
        onEvent: (event) => handed.push(event.data),
      });
      for await (const bytes of events) {
        passed += decoder.decode(bytes);
        expect(handed).toEqual(await datasOf(passed));
      }
      expect(handed.some((data) => data.includes('"usage"'))).toBe(false);
      expect(handed.at(-1)).toBe('[DONE]');
    }
  });

  it("passes the answer's first event on by itself, ahead of the events read with it", async () => {
    const text = sseText(textChunks(['first', 'second', 'third']));
    const first = text.slice(0, text.indexOf('\n\n') + 2);
    async function* oneRead() {
      yield new TextEncoder().encode(text);
    }
    const pieces = await readPieces(streamOf(oneRead()));
    expect(pieces[0]).toBe(first);
    expect(pieces.slice(1).join('')).toBe(text.slice(first.length));
  });

  it('passes on an event of a megabyte that arrives four bytes at a time', async () => {
    const text = sseText(textChunks(['x'.repeat(1024 * 1024)]));
    const bytes = new TextEncoder().encode(text);
    async function* fourBytesAtATime() {
      for (let offset = 0; offset < bytes.length; offset += 4) {
        yield bytes.subarray(offset, offset + 4);
      }
    }
    const pieces = await readPieces(streamOf(fourBytesAtATime()));
    expect(pieces.join('')).toBe(text);
  });

  it.each(SEEDS)('hands out the bytes Portkey sent, whole events only (seed %i)', async (seed) => {
    const chunks = textChunks(['pass ', 'through ', '✓ 東京']);
    const text =
      `: ping\n\n${sseText([beforeHooks, ...chunks])}`.replaceAll('\n\n', '\n\n: ping\n\n') +
      `data: ${JSON.stringify(afterHooks)}\n\n`;
    const stream = streamOf(byteSource(text, seed).body);
    const pieces = await readPieces(stream);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) expect(piece.endsWith('\n\n')).toBe(true);
    expect(await stream.finalText()).toBe('pass through ✓ 東京');
    expect(stream.hookResults).toEqual({ ...beforeHooks.hook_results, ...afterHooks.hook_results });
    expect(stream.afterDoneChunks).toEqual([afterHooks]);
  });

  it.each(SEEDS)('finds the ends of events with CR and CRLF line ends (seed %i)', async (seed) => {
    const chunks = textChunks(['carriage ', 'returns']);
    const lines = sseText(chunks).split('\n\n').filter(Boolean);
    const ends = ['\r\n\r\n', '\r\r', '\n\r\n', '\r\n\n'];
    const events = lines.map((line, index) => `${line}${ends[index % ends.length]}`);
    const text = events.join('');
    const stream = streamOf(byteSource(text, seed).body);
    const pieces = await readPieces(stream);
    expect(pieces.join('')).toBe(text);
    // Every piece ends where an event ends, never inside one, whichever line end it used. An
    // event ending in CRLF has ended at its CR already (the LF only completes the line end),
    // so a piece may end there when the LF has not arrived yet.
    const eventEnds = new Set(
      events.flatMap((event, index) => {
        const end = events.slice(0, index + 1).join('').length;
        return event.endsWith('\r\n') ? [end - 1, end] : [end];
      }),
    );
    const pieceEnds = pieces.map((_, index) => pieces.slice(0, index + 1).join('').length);
    expect(pieceEnds.length).toBeGreaterThan(0);
    expect(pieceEnds.filter((end) => !eventEnds.has(end))).toEqual([]);
    expect(await stream.finalText()).toBe('carriage returns');
  });

  it.each(SEEDS)('drops an event the body left unfinished (seed %i)', async (seed) => {
    const whole = sseText(textChunks(['cut ', 'short']).slice(0, 3), { done: false });
    const unfinished = `data: ${JSON.stringify(chunk([delta({ content: 'lost' })]))}`;
    const stream = streamOf(byteSource(`${whole}${unfinished}`, seed).body);
    expect((await readPieces(stream)).join('')).toBe(whole);
    const truncated = await rejection(stream.finalChatCompletion());
    expect(truncated).toBeInstanceOf(StreamTruncatedError);
    expect((truncated as StreamTruncatedError).partialCompletion.choices[0]?.message.content).toBe(
      'cut short',
    );
  });

  it.each(SEEDS)('ends after an error event, passing it on (seed %i)', async (seed) => {
    const error = JSON.stringify({ error: { message: 'boom', type: 'server_error' } });
    const before = `${sseText(textChunks(['x']).slice(0, 2), { done: false })}event: error\ndata: ${error}\n\n`;
    const after = sseText(textChunks(['never sent']).slice(1));
    const stream = streamOf(byteSource(`${before}${after}`, seed).body);
    expect((await readPieces(stream)).join('')).toBe(before);
    const thrown = await rejection(stream.finalChatCompletion());
    expect(thrown).toBeInstanceOf(APIError);
    expect((thrown as APIError).message).toContain('boom');
  });

  it('throws at an event that is not JSON, having handed out the events before it', async () => {
    const before = sseText(textChunks(['ok']).slice(0, 2), { done: false });
    const text = `${before}data: {not json\n\n${sseText(textChunks(['later']))}`;
    const stream = streamOf(byteSource(text, 4).body);
    const pieces: string[] = [];
    const thrown = await rejection(
      (async () => {
        for await (const bytes of stream.eventBytes()) pieces.push(decoder.decode(bytes));
      })(),
    );
    expect(thrown).toBeInstanceOf(ChatwireError);
    expect((thrown as Error).message).toContain('not valid JSON');
    expect(pieces.join('')).toBe(before);
    expect(await rejection(stream.finalChatCompletion())).toBe(thrown);
  });

  it('aborts the request when the loop is left early', async () => {
    const source = byteSource(sseText(textChunks(['a', 'b', 'c'])), 1, { hold: true });
    const stream = streamOf(source.body);
    for await (const _bytes of stream.eventBytes()) break;
    expect(stream.controller.signal.aborted).toBe(true);
    expect(source.cancelled.value).toBe(true);
    expect(await rejection(stream.finalChatCompletion())).toBeInstanceOf(APIUserAbortError);
  });

  it('throws APIUserAbortError when aborted while waiting for the rest of an event', async () => {
    const text = sseText(textChunks(['waiting']), { done: false });
    const source = byteSource(text.slice(0, text.indexOf('\n\n') + 20), 2, { hold: true });
    const stream = streamOf(source.body);
    const pieces: string[] = [];
    const reading = rejection(
      (async () => {
        for await (const bytes of stream.eventBytes()) {
          pieces.push(decoder.decode(bytes));
          stream.abort();
        }
      })(),
    );
    expect(await reading).toBeInstanceOf(APIUserAbortError);
    expect(pieces).toEqual([text.slice(0, text.indexOf('\n\n') + 2)]);
    expect(source.cancelled.value).toBe(true);
    expect(await rejection(stream.finalChatCompletion())).toBeInstanceOf(APIUserAbortError);
  });

  it('reads a Node-style async iterable body, and stops it when aborted', async () => {
    const text = sseText(textChunks(['from ', 'node']));
    const bytes = new TextEncoder().encode(text);
    async function* body() {
      for (let offset = 0; offset < bytes.length; offset += 7) {
        yield bytes.subarray(offset, offset + 7);
      }
    }
    const stream = streamOf(body());
    expect((await readPieces(stream)).join('')).toBe(text);
    expect(await stream.finalText()).toBe('from node');

    async function* silent() {
      yield bytes.subarray(0, 7);
      await new Promise(() => {});
    }
    const silentStream = streamOf(silent());
    const reading = rejection(readPieces(silentStream));
    setTimeout(() => silentStream.abort(), 10);
    expect(await reading).toBeInstanceOf(APIUserAbortError);
    expect(silentStream.controller.signal.aborted).toBe(true);
  });

  it('can be read once', async () => {
    const stream = streamOf(byteSource(sseText(textChunks(['x']))).body);
    await readPieces(stream);
    expect(() => stream.eventBytes()).toThrow(/already being read by eventBytes\(\)/);
    expect(() => stream.toReadableStream()).toThrow(ChatwireError);
  });
});
