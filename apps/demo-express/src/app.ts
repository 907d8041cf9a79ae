import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChatwireClient } from '@chatwire/core';
import { chatCompletions } from '@chatwire/express';
import express, { type Express } from 'express';
import { weatherChatRoute } from './weather-chat-route.js';

/** Settings of the demo app. */
export interface DemoAppOptions {
  /** The Portkey client every request goes through. */
  client: ChatwireClient;
  /** The model used when the browser names none. */
  model: string;
  /** The models the browser may pick. Defaults to `model` alone. */
  allowedModels?: readonly string[];
  /** The built web page to serve, if it exists. Defaults to demo-web's `dist` folder. */
  webRoot?: string;
  /** Where finished turns are logged. Defaults to `console.log`. */
  log?: (line: string) => void;
}

/** The demo app with its middleware closed over: `close()` on shutdown. */
export interface DemoApp {
  app: Express;
  close(): Promise<void>;
}

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../demo-web/dist', import.meta.url));

/**
 * The demo API:
 * - `POST /api/chat`: the chat endpoint on `@chatwire/express`, streamed or not; client tools
 *   (sent by the browser) are passed through for the browser to run.
 * - `POST /api/weather-chat`: a chat whose model may call a weather tool run on the server.
 * - everything else: demo-web's build, when it has been built.
 */
export function createDemoApp(options: DemoAppOptions): DemoApp {
  const log = options.log ?? ((line: string) => console.log(line));
  const app = express();
  app.disable('x-powered-by');

  const chat = chatCompletions({
    client: options.client,
    defaultModel: options.model,
    allowedModels: options.allowedModels ?? [options.model],
    portkeyOptions: () => ({ spanName: 'demo-chat' }),
    onFinish: ({ traceId, usage, latencyMs, aborted, finishReason }) => {
      const tokens = usage?.total_tokens ?? '?';
      const outcome = aborted ? 'aborted' : (finishReason ?? 'ended');
      log(`chat turn trace=${traceId} ${outcome} tokens=${tokens} ${Math.round(latencyMs)}ms`);
    },
    onError: (error) =>
      log(`chat error: ${error instanceof Error ? error.message : String(error)}`),
  });
  app.post('/api/chat', chat);
  app.post(
    '/api/weather-chat',
    weatherChatRoute({
      client: options.client,
      model: options.model,
      onTurn: (traceId, summary) => log(`weather turn trace=${traceId} ${summary}`),
    }),
  );

  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  if (existsSync(webRoot)) {
    app.use(express.static(webRoot));
    // The page is a single-page app: unknown GET paths outside /api get its index.html.
    app.get(/^(?!\/api\/).*/, (_request, response) => {
      response.sendFile('index.html', { root: webRoot });
    });
  }
  return { app, close: () => chat.close() };
}
