import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeSSE, type ServerSentEvent } from '@chatwire/core';
import type { TurnStore } from '@chatwire/core/server';
import type { Emulator } from '@chatwire/emulator';
import express from 'express';
import { type ChatCompletionsOptions, chatCompletions } from '../src/index.js';
import { serverClient } from './chat-server.js';

/** Tests name the turn's owner (the session user of a real app) with this header. */
export const TEST_USER_HEADER = 'x-test-user';

/** One server instance: an Express app serving every method of `/api/chat` with a turn store. */
export interface TurnServer {
  origin: string;
  close(): Promise<void>;
}

/** Starts an instance on `store`, calling `emulator` with chunks `tokenDelayMs` apart. */
export async function startTurnServer(
  emulator: Emulator,
  store: TurnStore,
  options: Omit<ChatCompletionsOptions, 'client' | 'turnStore'> = {},
  tokenDelayMs = 30,
): Promise<TurnServer> {
  const client = serverClient(emulator);
  const middleware = chatCompletions({
    client,
    turnStore: store,
    defaultModel: 'gpt-4o-mini',
    owner: (request) => String(request.headers[TEST_USER_HEADER]),
    portkeyOptions: () => ({ headers: { 'x-emulator-token-delay-ms': String(tokenDelayMs) } }),
    ...options,
  });
  const app = express();
  app.all('/api/chat', middleware);
  const server = createServer(app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await middleware.close();
      await client.close();
    },
  };
}

/** The body of a streamed turn on `prompt`. */
export function turnBody(prompt: string): string {
  return JSON.stringify({ messages: [{ role: 'user', content: prompt }], stream: true });
}

/** The text of the answer carried by these chat completion chunk events. */
export function answerText(events: readonly ServerSentEvent[]): string {
  let text = '';
  for (const { event, data } of events) {
    if (event !== 'message' || data === '[DONE]') continue;
    const chunk = JSON.parse(data) as { choices: Array<{ delta: { content?: string } }> };
    text += chunk.choices[0]?.delta.content ?? '';
  }
  return text;
}

/** Reads every event of an SSE response. */
export async function readEvents(response: Response): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of decodeSSE(response.body!)) events.push(event);
  return events;
}

/** Reads `count` events of an SSE response, then drops the connection, as a network would. */
export async function readEventsThenCut(
  response: Response,
  count: number,
  controller: AbortController,
): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of decodeSSE(response.body!)) {
    events.push(event);
    if (events.length === count) break;
  }
  controller.abort();
  return events;
}
