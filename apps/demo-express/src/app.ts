import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChatwireClient } from '@chatwire/core';
import { MemoryTurnStore, type TurnStore } from '@chatwire/core/server';
import { chatCompletions } from '@chatwire/express';
import express, { type Express } from 'express';
import { chatErrorLine, chatTurnLine } from './chat-log.js';
import { resolveChatModels } from './chat-models.js';
import { summarizeRoute } from './summarize-route.js';
import { weatherChatRoute } from './weather-chat-route.js';

/** Settings of the demo app. */
export interface DemoAppOptions {
  /** The Portkey client every request goes through. */
  client: ChatwireClient;
  /** The model used when the browser names none. */
  model: string;
  /** Further models the browser may pick besides `model`. */
  allowedModels?: readonly string[];
  /**
   * Whether `client` talks to the chatwire emulator: its scenario models (`scenario:slow-stream`,
   * …) are then allowed too. Default false.
   */
  emulator?: boolean;
  /** The built web page to serve, if it exists. Defaults to demo-web's `dist` folder. */
  webRoot?: string;
  /** Where finished turns are logged. Defaults to `console.log`. */
  log?: (line: string) => void;
  /**
   * Where streamed turns are recorded, so that a reload or a dropped connection resumes the
   * answer and Stop reaches it: a `RedisTurnStore` when several instances serve the page.
   * Defaults to a `MemoryTurnStore` of this process.
   */
  turnStore?: TurnStore;
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
 *   (sent by the browser) are passed through for the browser to run. Streamed turns are
 *   recorded: `GET /api/chat?turn=<id>` resumes one, `DELETE /api/chat?turn=<id>` stops it.
 * - `GET /api/models`: the models `/api/chat` accepts, for the page's model picker.
 * - `POST /api/weather-chat`: a chat whose model may call a weather tool run on the server.
 * - `POST /api/summarize`: a summary of a text, made by the server with a prompt of its own.
 * - everything else: demo-web's build, when it has been built; unknown GET paths outside
 *   `/api` get its `index.html`.
 */
export function createDemoApp(options: DemoAppOptions): DemoApp {
  const log = options.log ?? ((line: string) => console.log(line));
  const app = express();
  app.disable('x-powered-by');

  const models = resolveChatModels(
    options.model,
    options.allowedModels ?? [],
    options.emulator ?? false,
  );
  app.get('/api/models', (_request, response) => {
    response.json(models);
  });

  const turnStore = options.turnStore ?? new MemoryTurnStore();
  const chat = chatCompletions({
    client: options.client,
    turnStore,
    defaultModel: models.defaultModel,
    allowedModels: models.models,
    portkeyOptions: () => ({ spanName: 'demo-chat' }),
    onFinish: (turn) => log(chatTurnLine(turn)),
    onError: (error, context) => log(chatErrorLine(error, context)),
  });
  app.all('/api/chat', chat);
  app.post(
    '/api/weather-chat',
    weatherChatRoute({
      client: options.client,
      model: options.model,
      onTurn: (traceId, summary) => log(`weather turn trace=${traceId} ${summary}`),
    }),
  );
  app.post(
    '/api/summarize',
    summarizeRoute({
      client: options.client,
      model: options.model,
      onSummary: (traceId) => log(`summary trace=${traceId}`),
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
  return {
    app,
    close: async () => {
      await chat.close();
      // A store given by the caller is the caller's to close.
      if (options.turnStore === undefined) await turnStore.close();
    },
  };
}
