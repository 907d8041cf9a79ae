// The chat endpoint on Bun's own server, started by the tests as `bun servers/bun-server.ts`
// with the settings in its environment; it prints `listening <port>` once it listens.
import { CHAT_PATH, platformHandler, settingsFromEnv } from './platform-handler.js';

const handler = platformHandler(settingsFromEnv(process.env));
const server = Bun.serve({
  hostname: '127.0.0.1',
  port: 0,
  // Seconds a connection may stay silent; a stream sends keep-alive comments well within it.
  idleTimeout: 30,
  fetch: (request) =>
    new URL(request.url).pathname === CHAT_PATH
      ? handler(request)
      : new Response('Not Found', { status: 404 }),
});
console.log(`listening ${server.port}`);

process.on('SIGTERM', () => {
  void server.stop(true).then(async () => {
    await handler.close();
    process.exit(0);
  });
});
