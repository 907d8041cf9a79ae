import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import { ChatwireExceptionFilter } from '@chatwire/nestjs';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { createAppModule } from './app.module.js';

/** The demo app, and the emulator it started when no Portkey key is configured. */
export interface DemoApp {
  app: NestExpressApplication;
  /** The in-process emulator, or `undefined` when calls go to Portkey. */
  emulator: Emulator | undefined;
  /** Stops the app, then the emulator. */
  close(): Promise<void>;
}

/** Options of {@link createDemoApp}. */
export interface DemoAppOptions {
  /** Milliseconds between the emulator's streamed chunks, so a reply visibly streams. */
  emulatorTokenDelayMs?: number;
  /** Nest's logger setting; `false` silences it (tests). */
  logger?: false;
}

const webDist = fileURLToPath(new URL('../../demo-web/dist', import.meta.url));

/**
 * Builds the demo app: Portkey when `PORTKEY_API_KEY` is set, else an emulator started here.
 * The page of `apps/demo-web` is served from its build when one exists.
 */
export async function createDemoApp(options: DemoAppOptions = {}): Promise<DemoApp> {
  const emulator = process.env.PORTKEY_API_KEY
    ? undefined
    : await startEmulator({ tokenDelayMs: options.emulatorTokenDelayMs ?? 20 });
  try {
    const app = await NestFactory.create<NestExpressApplication>(
      createAppModule({ emulatorUrl: emulator?.url }),
      {
        bodyParser: false,
        abortOnError: false,
        ...(options.logger === undefined ? {} : { logger: options.logger }),
      },
    );
    // The chat endpoint accepts bodies up to 1 MiB (images as data URLs), as @chatwire/express does.
    app.useBodyParser('json', { limit: '1mb' });
    app.useGlobalFilters(new ChatwireExceptionFilter());
    if (existsSync(webDist)) app.use(express.static(webDist));
    return {
      app,
      emulator,
      async close() {
        await app.close();
        await emulator?.close();
      },
    };
  } catch (error) {
    await emulator?.close();
    throw error;
  }
}
