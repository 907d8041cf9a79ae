import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ChatwireClient, createClient } from '@chatwire/core';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import express, { type Express } from 'express';
import { type ChatCompletionsOptions, chatCompletions } from '../src/index.js';

/** An Express app serving the middleware at `/api/chat`, listening on loopback. */
export interface ChatServer {
  /** The server's origin, e.g. `http://127.0.0.1:12345`. */
  origin: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Starts an Express 5 app with the middleware on `POST /api/chat`, and on
 * `POST /v1/chat/completions` for OpenAI clients, which append `/chat/completions` to their
 * base URL. `beforeRoute` may add middleware (a body parser, say) ahead of it.
 */
export async function startChatServer(
  options: ChatCompletionsOptions,
  beforeRoute?: (app: Express) => void,
): Promise<ChatServer> {
  const app = express();
  beforeRoute?.(app);
  const middleware = chatCompletions(options);
  app.post(['/api/chat', '/v1/chat/completions'], middleware);
  const server = createServer(app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await middleware.close();
    },
  };
}

/** The server's own client: its credentials and routing are the only ones the upstream sees. */
export function serverClient(emulator: Emulator): ChatwireClient {
  return createClient({
    baseURL: emulator.url,
    apiKey: 'server-key',
    provider: 'openai',
    maxRetries: 0,
  });
}

/** A chat server whose client talks to an emulator of its own; closing it stops all three. */
export interface EmulatedChatServer extends ChatServer {
  emulator: Emulator;
}

/**
 * Starts an emulator, the server's client on it ({@link serverClient}) and a chat server with
 * the middleware built from `options` and that client.
 */
export async function startEmulatedChatServer(
  options: Omit<ChatCompletionsOptions, 'client'>,
): Promise<EmulatedChatServer> {
  const emulator = await startEmulator();
  const client = serverClient(emulator);
  const chat = await startChatServer({ ...options, client });
  return {
    ...chat,
    emulator,
    close: async () => {
      await chat.close();
      await client.close();
      await emulator.close();
    },
  };
}

/**
 * Test servers pick an emulator scenario from this request header. It is read by server code
 * (the `portkeyOptions` callback), never forwarded as such.
 */
export const TEST_SCENARIO_HEADER = 'x-test-scenario';

/** A `portkeyOptions` callback that turns the test header into the emulator's scenario header. */
export function scenarioFromTestHeader(request: {
  headers: Record<string, string | string[] | undefined>;
}): { headers: Record<string, string> } | undefined {
  const scenario = request.headers[TEST_SCENARIO_HEADER];
  if (typeof scenario !== 'string') return undefined;
  return { headers: { 'x-emulator-scenario': scenario, 'x-emulator-after-chunks': '2' } };
}
