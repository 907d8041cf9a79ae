import { describe, expect, it } from 'vitest';
import { ChatStore } from '../../src/chat/index.js';
import { type ChatwireClient, createClient } from '../../src/client/index.js';
import {
  chunk,
  type OpenAISSEServer,
  openStream,
  startTestSSEServer,
  usageChunk,
  writeAnswer,
  writeEvent,
} from './openai-sse-server.js';

/** A client of `server`; the server's URL names the endpoint, the client wants its `/v1` base. */
function clientOf(server: OpenAISSEServer): ChatwireClient {
  return createClient({
    baseURL: server.url.replace(/\/chat\/completions$/, ''),
    apiKey: 'test-key',
    maxRetries: 0,
  });
}

describe('ChatStore with a client', () => {
  it('streams through client.chat.completions.create and keeps the Portkey trace id', async () => {
    const server = await startTestSSEServer((_request, response) => {
      openStream(response, 'trace-client');
      writeAnswer(response, ['From ', 'the client.']);
    });
    const client = clientOf(server);
    try {
      const store = new ChatStore({ client, body: { model: 'gpt-4o-mini' }, throttleMs: 0 });
      await store.send('Hi');
      const state = store.getSnapshot();
      expect(state.error).toBeUndefined();
      expect(state.messages[1]).toMatchObject({
        content: 'From the client.',
        traceId: 'trace-client',
        finishReason: 'stop',
      });
      expect(server.requests[0]!.body).toMatchObject({
        model: 'gpt-4o-mini',
        stream: true,
        messages: [{ role: 'user', content: 'Hi' }],
      });
      expect(server.requests[0]!.headers['x-portkey-api-key']).toBe('test-key');
    } finally {
      await client.close();
    }
  });

  it('asks for usage, as the HTTP transport does, and shows it', async () => {
    const server = await startTestSSEServer((request, response) => {
      openStream(response);
      writeEvent(response, chunk({ role: 'assistant', content: 'Counted.' }));
      writeEvent(response, chunk({}, 'stop'));
      const options = request.body.stream_options as { include_usage?: boolean } | undefined;
      if (options?.include_usage) writeEvent(response, usageChunk(7, 2));
      writeEvent(response, '[DONE]');
    });
    const client = clientOf(server);
    try {
      const store = new ChatStore({ client, body: { model: 'gpt-4o-mini' }, throttleMs: 0 });
      await store.send('Hi');
      expect(server.requests[0]!.body.stream_options).toEqual({ include_usage: true });
      expect(store.getSnapshot().usage?.total_tokens).toBe(9);
      expect(store.getSnapshot().messages[1]?.usage?.total_tokens).toBe(9);
    } finally {
      await client.close();
    }
  });
});
