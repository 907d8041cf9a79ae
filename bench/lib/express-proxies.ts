import { once } from 'node:events';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { createClient } from '@chatwire/core';
import type { TurnStore } from '@chatwire/core/server';
import { chatCompletions } from '@chatwire/express';
import express from 'express';
import OpenAI from 'openai';
import { Agent, request } from 'undici';

/** A proxy under test: the URL its chat endpoint listens on, and how to stop it. */
export interface BenchProxy {
  url: string;
  /** How many connections the proxy's server holds open right now. */
  connections: () => Promise<number>;
  stop: () => Promise<void>;
}

/**
 * Serves `listener` on a loopback port; stopping closes every connection, then calls `release`
 * to free what the proxy holds (an agent, a client).
 */
export async function serveProxy(
  listener: RequestListener,
  release: () => Promise<void> = async () => {},
): Promise<BenchProxy> {
  const server = createServer(listener);
  // Longer than the load client's keep-alive, so that no request races a closing socket.
  server.keepAliveTimeout = 120_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/chat`,
    connections: () =>
      new Promise((resolve, reject) =>
        server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
      ),
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await release();
    },
  };
}

async function readBody(incoming: IncomingMessage): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of incoming) pieces.push(piece as Buffer);
  return Buffer.concat(pieces);
}

/** Forwards a chat request with undici and pipes the upstream's answer back unchanged. */
function rawPipe(baseURL: string, agent: Agent) {
  const target = `${baseURL}/chat/completions`;
  return async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    const controller = new AbortController();
    outgoing.once('close', () => controller.abort());
    try {
      const body = await readBody(incoming);
      const upstream = await request(target, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'x-portkey-provider': 'openai' },
        dispatcher: agent,
        signal: controller.signal,
      });
      outgoing.writeHead(upstream.statusCode, {
        'content-type': String(upstream.headers['content-type'] ?? 'text/event-stream'),
      });
      outgoing.flushHeaders();
      await pipeline(upstream.body, outgoing);
    } catch {
      outgoing.destroy();
    }
  };
}

/**
 * The floor of any proxy: node:http in, undici out, the upstream body piped back unchanged.
 * No framework, validation, policy or parsing of the answer.
 */
export async function startRawPipeProxy(baseURL: string): Promise<BenchProxy> {
  const agent = new Agent({ keepAliveTimeout: 60_000 });
  const pipe = rawPipe(baseURL, agent);
  return serveProxy(
    (incoming, outgoing) => void pipe(incoming, outgoing),
    () => agent.close(),
  );
}

/** The same pipe as an Express 5 route: the floor of a proxy written in Express. */
export async function startExpressRawPipeProxy(baseURL: string): Promise<BenchProxy> {
  const agent = new Agent({ keepAliveTimeout: 60_000 });
  const pipe = rawPipe(baseURL, agent);
  const app = express();
  app.post('/api/chat', (req, res) => void pipe(req, res));
  return serveProxy(app, () => agent.close());
}

/**
 * chatwire's middleware on Express 5 with one shared client, as the README shows it; with a
 * `turnStore`, requests with an `Idempotency-Key` are recorded in it.
 */
export async function startChatwireProxy(
  baseURL: string,
  turnStore?: TurnStore,
): Promise<BenchProxy> {
  const client = createClient({ baseURL, apiKey: 'bench-key', provider: 'openai', maxRetries: 0 });
  const app = express();
  app.all('/api/chat', chatCompletions({ client, allowedModels: ['gpt-4o-mini'], turnStore }));
  return serveProxy(app, () => client.close());
}

/**
 * The proxy as it is usually written by hand: Express, `express.json()`, the openai SDK,
 * `for await` over the chunks and `res.write` of each, with no backpressure and no abort.
 */
export async function startOpenAISdkProxy(baseURL: string): Promise<BenchProxy> {
  const openai = new OpenAI({ baseURL, apiKey: 'bench-key', maxRetries: 0 });
  const app = express();
  app.use(express.json());
  app.post('/api/chat', async (req, res) => {
    try {
      const body = req.body as OpenAI.ChatCompletionCreateParamsStreaming;
      const stream = await openai.chat.completions.create({ ...body, stream: true });
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      for await (const chunk of stream) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
      res.end('data: [DONE]\n\n');
    } catch {
      res.destroy();
    }
  });
  return serveProxy(app);
}

/** No proxy: the client calls the upstream itself. */
export function directToUpstream(baseURL: string): BenchProxy {
  return { url: `${baseURL}/chat/completions`, connections: async () => 0, stop: async () => {} };
}
