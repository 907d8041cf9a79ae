import { fileURLToPath } from 'node:url';
import type { Emulator } from '@chatwire/emulator';
import { ChatwireExceptionFilter } from '@chatwire/nestjs';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createAppModule } from './app.module.js';
import { serveWebPage } from './serve-web-page.js';
import { ChatTurns } from './turns/chat-turns.js';
import { Upstream } from './upstream/upstream.js';

/** The demo app, and what its chat completions go to. */
export interface DemoApp {
  app: NestExpressApplication;
  /** One line saying what the app talks to: Portkey, or the emulator it started. */
  upstream: string;
  /** One line saying where chat turns are recorded: Redis, or this process. */
  turns: string;
  /** The in-process emulator, or `undefined` when calls go to Portkey. */
  emulator: Emulator | undefined;
  /** Stops the app and the emulator. */
  close(): Promise<void>;
}

/** Options of {@link createDemoApp}. */
export interface DemoAppOptions {
  /** Milliseconds between the emulator's streamed chunks, so a reply visibly streams. Default 20. */
  emulatorTokenDelayMs?: number;
  /** Nest's logger setting; `false` silences it (tests). */
  logger?: false;
  /** The built web page to serve, if it exists. Defaults to demo-web's `dist` folder. */
  webRoot?: string;
}

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../demo-web/dist', import.meta.url));

/**
 * Builds the demo app: Portkey when `PORTKEY_API_KEY` is set, else an emulator started here
 * (decided by the app's `Upstream`, from Nest's configuration). The page of `apps/demo-web` is
 * served from its build when one exists.
 */
export async function createDemoApp(options: DemoAppOptions = {}): Promise<DemoApp> {
  const app = await NestFactory.create<NestExpressApplication>(
    createAppModule({ emulatorTokenDelayMs: options.emulatorTokenDelayMs ?? 20 }),
    {
      bodyParser: false,
      abortOnError: false,
      // On shutdown, streams still open are cut rather than waited for: their turns end as
      // `store_closed` for clients following them on other instances, which then exit at once.
      forceCloseConnections: true,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    },
  );
  // The chat endpoint accepts bodies up to 1 MiB (images as data URLs), as @chatwire/express does.
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalFilters(new ChatwireExceptionFilter());
  serveWebPage(app, options.webRoot ?? DEFAULT_WEB_ROOT);
  const upstream = app.get(Upstream);
  return {
    app,
    upstream: upstream.description,
    turns: app.get(ChatTurns).description,
    emulator: upstream.emulator,
    close: () => app.close(),
  };
}
