import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChatwireClient, createClient } from '@chatwire/core';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, type DemoApp } from '../src/app.js';
import { weatherOf } from '../src/weather-tool.js';

let emulator: Emulator;
let client: ChatwireClient;
let demo: DemoApp;
let server: Server;
let origin: string;
let webRoot: string;
const logged: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  client = createClient({ baseURL: emulator.url, apiKey: 'emulator', maxRetries: 0 });
  webRoot = mkdtempSync(join(tmpdir(), 'demo-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>chat</title>');
  demo = createDemoApp({ client, model: 'gpt-4o-mini', webRoot, log: (line) => logged.push(line) });
  server = createServer(demo.app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await demo.close();
  await client.close();
  await emulator.close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('demo-express', () => {
  it('streams a chat turn and logs its trace id', async () => {
    const response = await request(origin)
      .post('/api/chat')
      .set('x-request-id', 'demo-turn-1')
      .send({ messages: [{ role: 'user', content: 'Hello' }], stream: true });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/event-stream');
    expect(response.text.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(response.headers['x-portkey-trace-id']).toBe('demo-turn-1');
    await expect.poll(() => logged.some((line) => line.includes('trace=demo-turn-1'))).toBe(true);
  });

  it('runs the weather tool on the server', async () => {
    const response = await request(origin)
      .post('/api/weather-chat')
      .set('x-request-id', 'demo-weather-1')
      .send({ messages: [{ role: 'user', content: 'What is the weather in Paris?' }] });
    expect(response.status).toBe(200);
    expect(response.body.object).toBe('chat.completion');
    const toolResult = emulator.requests
      .map((entry) => entry.json as { messages?: Array<{ role: string; content: string }> })
      .flatMap((body) => body.messages ?? [])
      .find((message) => message.role === 'tool');
    expect(JSON.parse(toolResult!.content)).toEqual(weatherOf('Paris'));
    expect(
      logged.some((line) => line.includes('trace=demo-weather-1') && line.includes('get_weather')),
    ).toBe(true);
  });

  it('refuses a model the server did not allow', async () => {
    const response = await request(origin)
      .post('/api/chat')
      .send({ messages: [{ role: 'user', content: 'Hi' }], model: 'o4-mini' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('model_not_allowed');
  });

  it('serves the web page', async () => {
    const response = await request(origin).get('/');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<title>chat</title>');
  });
});
