import { describe, expect, it } from 'vitest';
import { decodeAllWays } from './decode-both-ways.js';

function chunk(content: string): string {
  return JSON.stringify({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, delta: { content }, finish_reason: null }],
  });
}

describe('chat completion streams', () => {
  it('yields each chunk and [DONE], skipping : ping comments', async () => {
    const body = [
      ': ping\n\n',
      `data: ${chunk('Hel')}\n\n`,
      ': ping\n\n',
      `data: ${chunk('lo ')}\n\ndata: ${chunk('wörld 👋')}\n\n`,
      'data: [DONE]\n\n',
    ];
    const events = await decodeAllWays(body);
    expect(events.map((event) => event.data)).toEqual([
      chunk('Hel'),
      chunk('lo '),
      chunk('wörld 👋'),
      '[DONE]',
    ]);
    expect(events.every((event) => event.event === 'message')).toBe(true);
    const text = events
      .slice(0, -1)
      .map((event) => JSON.parse(event.data).choices[0].delta.content)
      .join('');
    expect(text).toBe('Hello wörld 👋');
  });

  it('yields a chunk sent after [DONE] and a named error event', async () => {
    const body = [
      `data: ${chunk('a')}\r\n\r\ndata: [DONE]\r\n\r\n`,
      `data: {"hook_results":{}}\r\n\r\n`,
      'event: error\r\ndata: {"error":{"message":"upstream failed"}}\r\n\r\n',
    ];
    expect(await decodeAllWays(body)).toEqual([
      { event: 'message', data: chunk('a') },
      { event: 'message', data: '[DONE]' },
      { event: 'message', data: '{"hook_results":{}}' },
      { event: 'error', data: '{"error":{"message":"upstream failed"}}' },
    ]);
  });
});
