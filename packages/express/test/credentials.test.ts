import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatedChatServer, startEmulatedChatServer } from './chat-server.js';

let chat: EmulatedChatServer;

beforeAll(async () => {
  chat = await startEmulatedChatServer({ defaultModel: 'gpt-4o-mini' });
});

afterAll(() => chat.close());

const browserHeaders = {
  'x-portkey-api-key': 'browser-key',
  'x-portkey-provider': 'anthropic',
  'x-portkey-virtual-key': 'browser-vk',
  'x-portkey-config': '{"provider":"anthropic","api_key":"browser"}',
  'x-portkey-custom-host': 'http://evil.example/v1',
  'x-portkey-forward-headers': 'cookie',
  authorization: 'Bearer browser-provider-key',
  cookie: 'session=secret',
  'x-emulator-scenario': 'server-error',
};

const browserBodyFields = {
  api_key: 'browser-key',
  apiKey: 'browser-key',
  provider: 'anthropic',
  virtual_key: 'browser-vk',
  config: { provider: 'anthropic' },
  custom_host: 'http://evil.example/v1',
  customHost: 'http://evil.example/v1',
  forward_headers: ['cookie'],
  portkey: { apiKey: 'browser-key' },
};

describe('credentials and routing come only from the server', () => {
  it.each([false, true])(
    'drops the browser’s credential headers and body fields (stream: %s)',
    async (stream) => {
      const response = await request(chat.origin)
        .post('/api/chat')
        .set(browserHeaders)
        .send({ messages: [{ role: 'user', content: 'Hi' }], stream, ...browserBodyFields });
      expect(response.status).toBe(200);

      const recorded = chat.emulator.requests.at(-1)!;
      const { headers } = recorded;
      expect(headers['x-portkey-api-key']).toBe('server-key');
      expect(headers['x-portkey-provider']).toBe('openai');
      for (const name of [
        'x-portkey-virtual-key',
        'x-portkey-config',
        'x-portkey-custom-host',
        'x-portkey-forward-headers',
        'authorization',
        'cookie',
        'x-emulator-scenario',
      ]) {
        expect(headers).not.toHaveProperty(name);
      }
      const body = recorded.json as Record<string, unknown>;
      for (const field of Object.keys(browserBodyFields)) expect(body).not.toHaveProperty(field);
      expect(recorded.body).not.toContain('browser');
      expect(recorded.body).not.toContain('evil.example');
    },
  );
});
