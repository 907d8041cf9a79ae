import 'reflect-metadata';
import type { Server } from 'node:http';
import { createDemoApp } from './create-demo-app.js';

const port = Number(process.env.PORT ?? 3001);
const demo = await createDemoApp();
// Node waits 300 s for a request by default; a client that sends its head or body that slowly is
// holding a connection, not chatting. Streamed answers are not bounded by these.
const server: Server = demo.app.getHttpServer();
server.headersTimeout = 10_000;
server.requestTimeout = 60_000;
try {
  await demo.app.listen(port, '127.0.0.1');
} catch (error) {
  // A taken port is a setup problem, not a crash: say which variable picks another one.
  if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
  console.error(
    `Port ${port} on 127.0.0.1 is already in use. Set PORT to use another one, for example: PORT=${port + 10} pnpm demo:nest`,
  );
  await demo.close();
  process.exit(1);
}
const { port: boundPort } = demo.app.getHttpServer().address() as { port: number };
console.log(
  `demo-nest listening on http://127.0.0.1:${boundPort}, chat completions from ${demo.upstream}`,
);
console.log(`Chat turns are recorded in ${demo.turns}.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    demo.close().catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  });
}
