import { describe, expect, it } from 'vitest';
import { decodeSSE } from '../../src/sse/index.js';
import { streamOf } from './decode-both-ways.js';

describe('decodeSSE with next() called before the previous call settled', () => {
  it('hands out the events in order, then done, to calls made all at once', async () => {
    const events = decodeSSE(streamOf(['data: a\n\ndata: b\n\ndata: c\n\n', 'data: ', 'd\n\n']));
    const calls = [events.next(), events.next(), events.next(), events.next(), events.next()];
    expect(await Promise.all(calls)).toEqual([
      { value: { event: 'message', data: 'a' }, done: false },
      { value: { event: 'message', data: 'b' }, done: false },
      { value: { event: 'message', data: 'c' }, done: false },
      { value: { event: 'message', data: 'd' }, done: false },
      { value: undefined, done: true },
    ]);
  });

  it('keeps working for calls made after overlapping ones settled', async () => {
    const events = decodeSSE(streamOf(['data: a\n\n', 'data: b\n\n', 'data: c\n\n']));
    const [first, second] = await Promise.all([events.next(), events.next()]);
    expect([first.value?.data, second.value?.data]).toEqual(['a', 'b']);
    expect((await events.next()).value?.data).toBe('c');
    expect(await events.next()).toEqual({ value: undefined, done: true });
  });
});
