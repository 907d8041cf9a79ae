import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TestingModule } from '@nestjs/testing';
import { ChatwireExceptionFilter } from '../../src/index.js';
import { listen } from './listen.js';

/** A Nest application on Fastify, listening on a free loopback port. */
export interface FastifyApp {
  app: NestFastifyApplication;
  origin: string;
}

/**
 * Creates the compiled module's application on Fastify as the README sets it up, with
 * `ChatwireExceptionFilter` global, and starts it on a free loopback port.
 */
export async function startOnFastify(
  moduleRef: TestingModule,
  adapterOptions: ConstructorParameters<typeof FastifyAdapter>[0] = {},
): Promise<FastifyApp> {
  const app = moduleRef.createNestApplication<NestFastifyApplication>(
    new FastifyAdapter(adapterOptions),
  );
  app.useGlobalFilters(new ChatwireExceptionFilter());
  const origin = await listen(app);
  return { app, origin };
}
