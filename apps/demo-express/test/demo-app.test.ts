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
import { createDemoApp, type DemoApp, type DemoAppOptions } from '../src/app.js';
import { EMULATOR_SCENARIO_MODELS } from '../src/chat-models.js';
import { weatherOf } from '../src/weather-tool.js';

/** A demo app listening on a free loopback port. */
interface RunningDemo {
  origin: string;
  close(): Promise<void>;
}

async function startDemo(options: DemoAppOptions): Promise<RunningDemo> {
  const demo: DemoApp = createDemoApp(options);
  const server: Server = createServer(demo.app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await demo.close();
    },
  };
}

let emulator: Emulator;
let client: ChatwireClient;
let webRoot: string;

beforeAll(async () => {
  emulator = await startEmulator();
  client = createClient({ baseURL: emulator.url, apiKey: 'emulator', maxRetries: 0 });
  webRoot = mkdtempSync(join(tmpdir(), 'demo-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>chat</title>');
});

afterAll(async () => {
  await client.close();
  await emulator.close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('demo-express on the emulator', () => {
  let demo: RunningDemo;
  const logged: string[] = [];

  beforeAll(async () => {
    demo = await startDemo({
      client,
      model: 'gpt-4o-mini',
      allowedModels: ['gpt-4o'],
      emulator: true,
      webRoot,
      log: (line) => logged.push(line),
    });
  });

  afterAll(() => demo.close());

  it('streams a chat turn and logs its trace id', async () => {
    const response = await request(demo.origin)
      .post('/api/chat')
      .set('x-request-id', 'demo-turn-1')
      .send({ messages: [{ role: 'user', content: 'Hello' }], stream: true });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/event-stream');
    expect(response.text.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(response.headers['x-portkey-trace-id']).toBe('demo-turn-1');
    await expect.poll(() => logged.some((line) => line.includes('trace=demo-turn-1'))).toBe(true);
  });

  it('lists the allowed models, the emulator scenarios included', async () => {
    const response = await request(demo.origin).get('/api/models');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      models: ['gpt-4o-mini', 'gpt-4o', ...EMULATOR_SCENARIO_MODELS],
      defaultModel: 'gpt-4o-mini',
      emulator: true,
    });
  });

  it('passes a scenario model on to the emulator', async () => {
    const response = await request(demo.origin)
      .post('/api/chat')
      .send({ messages: [{ role: 'user', content: 'Hi' }], model: 'scenario:guardrail-deny' });
    expect(response.status).toBe(446);
  });

  it('runs the weather tool on the server', async () => {
    const response = await request(demo.origin)
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

  it('summarizes text on /api/summarize and returns the trace id', async () => {
    const text = 'The Loire is the longest river in France. It flows into the Atlantic Ocean.';
    const response = await request(demo.origin)
      .post('/api/summarize')
      .set('x-request-id', 'summary-trace-7')
      .send({ text });
    expect(response.status).toBe(200);
    expect(response.body.traceId).toBe('summary-trace-7');
    expect(response.body.summary).toContain('Loire');
  });

  it('refuses a summary request without text in the chat error shape', async () => {
    const response = await request(demo.origin).post('/api/summarize').send({ text: '' });
    expect(response.status).toBe(400);
    expect(response.body.error.type).toBe('invalid_request_error');
    expect(response.body.error.message).toMatch(/text/);
  });

  it('refuses a model the server did not allow', async () => {
    const response = await request(demo.origin)
      .post('/api/chat')
      .send({ messages: [{ role: 'user', content: 'Hi' }], model: 'o4-mini' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('model_not_allowed');
  });

  it('serves the web page, also for the page paths of the single-page app', async () => {
    for (const path of ['/', '/chats/42']) {
      const response = await request(demo.origin).get(path);
      expect(response.status).toBe(200);
      expect(response.text).toContain('<title>chat</title>');
    }
    const unknownApi = await request(demo.origin).get('/api/unknown');
    expect(unknownApi.status).toBe(404);
  });
});

describe('demo-express on Portkey', () => {
  let demo: RunningDemo;

  beforeAll(async () => {
    demo = await startDemo({ client, model: 'gpt-4o-mini', emulator: false, log: () => {} });
  });

  afterAll(() => demo.close());

  it('lists only the configured models', async () => {
    const response = await request(demo.origin).get('/api/models');
    expect(response.body).toEqual({
      models: ['gpt-4o-mini'],
      defaultModel: 'gpt-4o-mini',
      emulator: false,
    });
  });

  it('refuses the emulator scenario models', async () => {
    const response = await request(demo.origin)
      .post('/api/chat')
      .send({ messages: [{ role: 'user', content: 'Hi' }], model: 'scenario:rate-limit' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('model_not_allowed');
  });
});
