import { describe, expect, it } from 'vitest';
import { ChatStore, type ChatStoreOptions } from '../../src/chat/index.js';
import { APIConnectionError, StreamTruncatedError } from '../../src/errors/index.js';
import type { ChatCompletionChunk } from '../../src/types/index.js';
import {
  chunk,
  openStream,
  type Responder,
  startTestSSEServer,
  writeAnswer,
  writeEvent,
} from './openai-sse-server.js';

async function storeFor(respond: Responder, options: ChatStoreOptions = {}): Promise<ChatStore> {
  const server = await startTestSSEServer(respond);
  return new ChatStore({ api: server.url, throttleMs: 0, ...options });
}

/** A chunk of an answer with two choices (`n: 2`). */
function twoChoiceChunk(
  first: Record<string, unknown>,
  second: Record<string, unknown>,
  finishReasons: [string | null, string | null],
): Record<string, unknown> {
  return {
    ...chunk({}),
    choices: [
      { index: 0, delta: first, finish_reason: finishReasons[0] },
      { index: 1, delta: second, finish_reason: finishReasons[1] },
    ],
  };
}

describe('the HTTP chat transport', () => {
  it('reports a connection that breaks mid-answer as an APIConnectionError', async () => {
    const store = await storeFor((_request, response) => {
      openStream(response);
      writeEvent(response, chunk({ role: 'assistant', content: 'Half' }));
      setTimeout(() => response.socket?.destroy(), 20);
      return new Promise((resolve) => response.on('close', resolve));
    });
    await store.send('Hi');
    const state = store.getSnapshot();
    expect(state.status).toBe('error');
    expect(state.error).toBeInstanceOf(APIConnectionError);
    expect(state.error?.cause).toBeDefined();
    expect(state.messages[1]).toMatchObject({ content: 'Half', partial: true });
  });

  it('reports a body without [DONE] as truncated while one of several choices is unfinished', async () => {
    const store = await storeFor((_request, response) => {
      openStream(response);
      writeEvent(response, twoChoiceChunk({ content: 'One' }, { content: 'Tw' }, [null, null]));
      writeEvent(response, twoChoiceChunk({}, { content: 'o' }, ['stop', null]));
    });
    await store.send('Hi', { body: { n: 2 } });
    expect(store.getSnapshot().error).toBeInstanceOf(StreamTruncatedError);
  });

  it('accepts a body without [DONE] once every choice has finished', async () => {
    const store = await storeFor((_request, response) => {
      openStream(response);
      writeEvent(response, twoChoiceChunk({ content: 'One' }, { content: 'Two' }, [null, null]));
      writeEvent(response, twoChoiceChunk({}, {}, ['stop', 'stop']));
    });
    await store.send('Hi', { body: { n: 2 } });
    expect(store.getSnapshot()).toMatchObject({ status: 'idle', error: undefined });
    expect(store.getSnapshot().messages[1]?.content).toBe('One');
  });

  it('leaves Portkey’s hook_results chunk out of the answer’s chunks', async () => {
    const chunks: ChatCompletionChunk[] = [];
    const store = await storeFor(
      (_request, response) => {
        openStream(response);
        writeEvent(response, {
          hook_results: { before_request_hooks: [{ id: 'pii-check', verdict: true }] },
        });
        writeAnswer(response, ['Clean.']);
      },
      { onChunk: (received) => chunks.push(received) },
    );
    await store.send('Hi');
    expect(chunks).toHaveLength(4);
    expect(chunks.every((received) => Array.isArray(received.choices))).toBe(true);
    expect(chunks.some((received) => 'hook_results' in received)).toBe(false);
    expect(store.getSnapshot().messages[1]).toMatchObject({ content: 'Clean.', model: 'gpt-test' });
  });
});
