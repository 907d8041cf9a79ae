import { describe, expect, it } from 'vitest';
import { WebEventStream } from '../../src/server/edge/web-event-stream.js';

const decoder = new TextDecoder();

async function readText(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const { done, value } = await reader.read();
  return done ? '' : decoder.decode(value);
}

describe('WebEventStream', () => {
  it('hands the events written while the reader is busy over together, at its next pull', async () => {
    const stream = new WebEventStream(0, () => {});
    const reader = stream.readable.getReader();
    expect(stream.write('data: 1\n\n')).toBe(true);
    expect(stream.write('data: 2\n\n')).toBe(true);
    expect(await readText(reader)).toBe('data: 1\n\ndata: 2\n\n');
    const next = reader.read();
    stream.write('data: 3\n\n');
    expect(decoder.decode((await next).value)).toBe('data: 3\n\n');
  });

  it('makes the writer wait once 64 KiB are held for a reader that does not read', async () => {
    const stream = new WebEventStream(0, () => {});
    const reader = stream.readable.getReader();
    const event = `data: ${'x'.repeat(1000)}\n\n`;
    let accepted = 0;
    while (stream.write(event) && accepted < 1000) accepted++;
    expect(accepted).toBe(Math.floor((64 * 1024) / event.length));
    let drained = false;
    const waiting = stream.drained().then(() => {
      drained = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(drained).toBe(false);
    expect((await reader.read()).value?.byteLength).toBe((accepted + 1) * event.length);
    await waiting;
    expect(drained).toBe(true);
  });

  it('sends a keep-alive comment in a silence while the reader waits', async () => {
    const stream = new WebEventStream(30, () => {});
    const reader = stream.readable.getReader();
    const started = performance.now();
    expect(await readText(reader)).toBe(': keep-alive\n\n');
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    stream.end();
    expect((await reader.read()).done).toBe(true);
  });

  it('tells the server when the reader cancels, and refuses writes after', async () => {
    let cancelled = 0;
    const stream = new WebEventStream(0, () => {
      cancelled++;
    });
    const waiting = stream.drained();
    await stream.readable.cancel();
    await waiting;
    expect(cancelled).toBe(1);
    expect(stream.closed).toBe(true);
    expect(stream.write('data: late\n\n')).toBe(false);
  });

  it('ends with an error event in the OpenAI shape on fail()', async () => {
    const stream = new WebEventStream(0, () => {});
    const body = { error: { message: 'Gone.', type: 'api_error', param: null, code: 'x' } };
    stream.fail(body);
    const text = await new Response(stream.readable).text();
    expect(text).toBe(`event: error\ndata: ${JSON.stringify(body)}\n\n`);
    expect(stream.closed).toBe(true);
  });
});
