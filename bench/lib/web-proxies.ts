import { createClient } from '@chatwire/core';
import {
  createChatCompletionsFetchHandler,
  createChatCompletionsHandler,
} from '@chatwire/core/server';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { type BenchProxy, serveProxy } from './express-proxies.js';

/** The options every chatwire contender serves with, as the README shows them. */
function benchOptions(baseURL: string) {
  const client = createClient({ baseURL, apiKey: 'bench-key', provider: 'openai', maxRetries: 0 });
  return { client, allowedModels: ['gpt-4o-mini'] };
}

/** The node:http handler on a bare node:http server: no framework, no Request or Response. */
export async function startNodeHandlerProxy(baseURL: string): Promise<BenchProxy> {
  const options = benchOptions(baseURL);
  const handle = createChatCompletionsHandler(options);
  return serveProxy(
    (request, response) => void handle(request, response),
    () => options.client.close(),
  );
}

/** The fetch handler on node:http through `@hono/node-server`'s Request/Response bridge. */
export async function startFetchHandlerProxy(baseURL: string): Promise<BenchProxy> {
  const options = benchOptions(baseURL);
  const handler = createChatCompletionsFetchHandler(options);
  return serveProxy(getRequestListener(handler), () => options.client.close());
}

/** The fetch handler as a Hono route, on `@hono/node-server`. */
export async function startHonoProxy(baseURL: string): Promise<BenchProxy> {
  const options = benchOptions(baseURL);
  const handler = createChatCompletionsFetchHandler(options);
  const app = new Hono();
  app.post('/api/chat', (context) => handler(context.req.raw));
  return serveProxy(getRequestListener(app.fetch), () => options.client.close());
}
