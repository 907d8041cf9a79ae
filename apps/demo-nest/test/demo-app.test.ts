import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDemoApp, type DemoApp } from '../src/create-demo-app.js';
import { EMULATOR_SCENARIO_MODELS } from '../src/upstream/chat-models.js';
import { weatherOf } from '../src/weather-chat/weather-tool.js';

let demo: DemoApp;
let origin: string;
let webRoot: string;

beforeAll(async () => {
  vi.stubEnv('PORTKEY_API_KEY', '');
  vi.stubEnv('CHAT_MODEL', 'gpt-4o-mini');
  vi.stubEnv('CHAT_MODELS', 'gpt-4o');
  webRoot = mkdtempSync(join(tmpdir(), 'demo-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>chat</title>');
  demo = await createDemoApp({ emulatorTokenDelayMs: 0, logger: false, webRoot });
  await demo.app.listen(0, '127.0.0.1');
  const { port } = demo.app.getHttpServer().address() as { port: number };
  origin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await demo.close();
  vi.unstubAllEnvs();
  rmSync(webRoot, { recursive: true, force: true });
});

function post(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('demo-nest on the emulator', () => {
  it('uses the emulator when no Portkey key is set, and says so', () => {
    expect(demo.emulator).toBeDefined();
    expect(demo.upstream).toContain(`the emulator at ${demo.emulator?.url}`);
  });

  it('lists the allowed models, the emulator scenarios included', async () => {
    const response = await fetch(`${origin}/api/models`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      models: ['gpt-4o-mini', 'gpt-4o', ...EMULATOR_SCENARIO_MODELS],
      defaultModel: 'gpt-4o-mini',
      emulator: true,
    });
  });

  it('passes a scenario model on to the emulator', async () => {
    const response = await post('/api/chat', {
      model: 'scenario:guardrail-deny',
      messages: [{ role: 'user', content: 'Hello' }],
    });
    expect(response.status).toBe(446);
  });

  it('answers /api/chat with a streamed reply', async () => {
    const response = await post('/api/chat', {
      messages: [{ role: 'user', content: 'Hello there' }],
      stream: true,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('x-portkey-trace-id')).toBeTruthy();
    const text = await response.text();
    expect(text).toContain('chat.completion.chunk');
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('answers /api/chat without streaming', async () => {
    const response = await post('/api/chat', { messages: [{ role: 'user', content: 'Hello' }] });
    expect(response.status).toBe(200);
    const completion = (await response.json()) as { object: string; model: string };
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('gpt-4o-mini');
  });

  it('refuses a model the server does not allow', async () => {
    const response = await post('/api/chat', {
      model: 'gpt-4.1',
      messages: [{ role: 'user', content: 'Hello' }],
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe('model_not_allowed');
  });

  it('summarizes text on /api/summarize and returns the trace id', async () => {
    const text = 'The Loire is the longest river in France. It flows into the Atlantic Ocean.';
    const response = await post('/api/summarize', { text }, { 'x-request-id': 'summary-trace-7' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { summary: string; traceId: string };
    expect(body.traceId).toBe('summary-trace-7');
    expect(body.summary).toContain('Loire');
  });

  it('refuses a summary request without text in the chat error shape', async () => {
    const response = await post('/api/summarize', { text: '' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/text/);
  });

  it('runs the weather tool on the server on /api/weather-chat', async () => {
    const response = await post(
      '/api/weather-chat',
      { messages: [{ role: 'user', content: 'What is the weather in Paris?' }] },
      { 'x-request-id': 'weather-trace-3' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-portkey-trace-id')).toBe('weather-trace-3');
    const completion = (await response.json()) as { object: string };
    expect(completion.object).toBe('chat.completion');
    const toolResult = demo
      .emulator!.requests.map(
        (entry) => entry.json as { messages?: Array<{ role: string; content: string }> },
      )
      .flatMap((body) => body.messages ?? [])
      .find((message) => message.role === 'tool');
    expect(JSON.parse(toolResult!.content)).toEqual(weatherOf('Paris'));
  });

  it('refuses a weather chat without messages in the chat error shape', async () => {
    const response = await post('/api/weather-chat', { messages: [] });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { type: string } };
    expect(body.error.type).toBe('invalid_request_error');
  });

  it('serves the web page, also for the page paths of the single-page app', async () => {
    for (const path of ['/', '/chats/42']) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>chat</title>');
    }
    const unknownApi = await fetch(`${origin}/api/unknown`);
    expect(unknownApi.status).toBe(404);
    const body = (await unknownApi.json()) as { error: { message: string } };
    expect(body.error.message).toBeTruthy();
  });
});
