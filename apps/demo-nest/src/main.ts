import 'reflect-metadata';
import { createDemoApp } from './create-demo-app.js';

const port = Number(process.env.PORT ?? 3001);
const demo = await createDemoApp();
await demo.app.listen(port, '127.0.0.1');
const { port: boundPort } = demo.app.getHttpServer().address() as { port: number };
console.log(
  `demo-nest listening on http://127.0.0.1:${boundPort}, chat completions from ${demo.upstream}`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    demo.close().catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  });
}
