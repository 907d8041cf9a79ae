import type { INestApplication } from '@nestjs/common';

/** Starts the app on a free loopback port and returns its origin, e.g. `http://127.0.0.1:4123`. */
export async function listen(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}
