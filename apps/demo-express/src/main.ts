import { createServer } from 'node:http';
import { createDemoApp } from './app.js';
import { chatModelSettings } from './chat-models.js';
import { createTurnStore } from './turn-store.js';
import { connectUpstream } from './upstream.js';

const port = Number(process.env.PORT ?? 3000);
// The default model is always allowed, and on the emulator its scenario models are too.
const { model, allowedModels } = chatModelSettings(process.env);

const upstream = await connectUpstream(process.env);
console.log(`Talking to ${upstream.description}.`);
const turns = createTurnStore(process.env);
console.log(`Chat turns are recorded in ${turns.description}.`);
const { app, close } = createDemoApp({
  client: upstream.client,
  model,
  allowedModels,
  emulator: upstream.emulator,
  turnStore: turns.store,
});
// Node waits 300 s for a request by default; a client that sends its head or body that slowly is
// holding a connection, not chatting. Streamed answers are not bounded by these.
const server = createServer({ headersTimeout: 10_000, requestTimeout: 60_000 }, app);
// A taken port is a setup problem, not a crash: say which variable picks another one.
server.once('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error;
  console.error(
    `Port ${port} on 127.0.0.1 is already in use. Set PORT to use another one, for example: PORT=${port + 10} pnpm demo`,
  );
  void Promise.all([close(), turns.close(), upstream.close()]).finally(() => process.exit(1));
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  console.log(`demo-express listening on http://127.0.0.1:${actualPort}`);
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await close();
  await turns.close();
  await upstream.close();
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stop().then(() => process.exit(0));
  });
}
