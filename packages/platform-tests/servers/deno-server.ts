/// <reference lib="deno.ns" />
// The chat endpoint on Deno's own server, started by the tests as
// `deno run servers/deno-server.ts` with the settings in its environment; it prints
// `listening <port>` once it listens. Deno runs it as it is; the package's tsc, which has no
// Deno types, leaves it out.
import { CHAT_PATH, platformHandler, settingsFromEnv } from './platform-handler.ts';

const handler = platformHandler(settingsFromEnv(Deno.env.toObject()));
const server = Deno.serve(
  {
    hostname: '127.0.0.1',
    port: 0,
    onListen: ({ port }) => console.log(`listening ${port}`),
  },
  (request) =>
    new URL(request.url).pathname === CHAT_PATH
      ? handler(request)
      : new Response('Not Found', { status: 404 }),
);

Deno.addSignalListener('SIGTERM', () => {
  void server.shutdown().then(async () => {
    await handler.close();
    Deno.exit(0);
  });
});
