import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDemoApp, type DemoApp } from '../src/create-demo-app.js';

let demo: DemoApp;
let origin: string;

beforeAll(async () => {
  vi.stubEnv('PORTKEY_API_KEY', '');
  demo = await createDemoApp({ emulatorTokenDelayMs: 0, logger: false });
  await demo.app.listen(0, '127.0.0.1');
  const { port } = demo.app.getHttpServer().address() as { port: number };
  origin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await demo.close();
  vi.unstubAllEnvs();
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
  it('uses the emulator when no Portkey key is set', () => {
    expect(demo.emulator).toBeDefined();
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
});
