import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { TestingModule } from '@nestjs/testing';
import { inject } from 'vitest';
import { ChatwireExceptionFilter } from '../../src/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The HTTP platform of Nest this project runs the suite on (see vitest.config.ts). */
    platform: 'Express' | 'Fastify';
  }
}

/** The HTTP platform the suite runs on in this project: `Express` or `Fastify`. */
export const PLATFORM = inject('platform');

/** How to set the application up where a test needs other than the README's way. */
export interface AppSetup {
  /** On Express, keep Nest's JSON body parser (Fastify always parses). Off by default. */
  bodyParser?: boolean;
  /** Make `ChatwireExceptionFilter` global. By default on Fastify only. */
  globalFilter?: boolean;
  /** Options of the Fastify adapter, e.g. its `bodyLimit`; ignored on Express. */
  fastify?: ConstructorParameters<typeof FastifyAdapter>[0];
}

/** A Nest application listening on a free loopback port. */
export interface StartedApp {
  app: INestApplication;
  origin: string;
}

/**
 * Creates the compiled module's application on the project's platform as the README sets it
 * up, and starts it on a free loopback port. On Express, without Nest's body parser, so that
 * the endpoint reads the body itself; on Fastify, which parses every body before any route
 * runs, with `ChatwireExceptionFilter` global, so that its refusals are in the endpoint's words.
 */
export async function startApp(
  moduleRef: TestingModule,
  setup: AppSetup = {},
): Promise<StartedApp> {
  const app =
    PLATFORM === 'Express'
      ? moduleRef.createNestApplication({ bodyParser: setup.bodyParser ?? false })
      : moduleRef.createNestApplication(new FastifyAdapter(setup.fastify));
  if (setup.globalFilter ?? PLATFORM === 'Fastify')
    app.useGlobalFilters(new ChatwireExceptionFilter());
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, origin: `http://127.0.0.1:${port}` };
}
