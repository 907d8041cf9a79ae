import 'reflect-metadata';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDemoApp, type DemoApp } from '../src/create-demo-app.js';

// A stand-in for a self-hosted Portkey gateway: the app must treat it as Portkey, key included.
let gateway: Emulator;
let demo: DemoApp;
let origin: string;

beforeAll(async () => {
  gateway = await startEmulator();
  vi.stubEnv('PORTKEY_API_KEY', 'pk-demo-key');
  vi.stubEnv('PORTKEY_BASE_URL', gateway.url);
  vi.stubEnv('CHAT_MODEL', 'gpt-4o-mini');
  vi.stubEnv('CHAT_MODELS', '');
  demo = await createDemoApp({ logger: false });
  await demo.app.listen(0, '127.0.0.1');
  const { port } = demo.app.getHttpServer().address() as { port: number };
  origin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await demo?.close();
  await gateway.close();
  vi.unstubAllEnvs();
});

describe('demo-nest with a Portkey key', () => {
  it('starts no emulator and says it talks to Portkey', () => {
    expect(demo.emulator).toBeUndefined();
    expect(demo.upstream).toBe(`Portkey at ${gateway.url}`);
  });

  it('sends the chat to the configured gateway with the key', async () => {
    const response = await fetch(`${origin}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello' }] }),
    });
    expect(response.status).toBe(200);
    expect(gateway.requests.at(-1)?.headers['x-portkey-api-key']).toBe('pk-demo-key');
  });

  it('lists only the configured models and refuses the emulator scenarios', async () => {
    const models = await fetch(`${origin}/api/models`);
    expect(await models.json()).toEqual({
      models: ['gpt-4o-mini'],
      defaultModel: 'gpt-4o-mini',
      emulator: false,
    });
    const response = await fetch(`${origin}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'scenario:rate-limit',
        messages: [{ role: 'user', content: 'Hello' }],
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe('model_not_allowed');
  });
});
