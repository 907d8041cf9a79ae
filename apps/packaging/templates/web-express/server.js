// The chat API and the built page, on one origin. With PORTKEY_API_KEY set it talks to Portkey
// (routed by PORTKEY_PROVIDER); without it, to a local emulator, so it runs with no key at all.
import { createClient } from '@chatwire/core';
import { startEmulator } from '@chatwire/emulator';
import { chatCompletions } from '@chatwire/express';
import express from 'express';

const emulator = process.env.PORTKEY_API_KEY ? undefined : await startEmulator();
const client = emulator
  ? createClient({ baseURL: emulator.url, apiKey: 'emulator' })
  : createClient({ provider: process.env.PORTKEY_PROVIDER });

const app = express();
app.post('/api/chat', chatCompletions({ client, defaultModel: 'gpt-4o-mini' }));
app.use(express.static('dist'));

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});

process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void client.close().then(() => emulator?.close());
});
