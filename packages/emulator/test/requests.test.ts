import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { postChat, user } from './support/http.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

describe('recorded requests', () => {
  it('records method, path, lowercase headers, raw and parsed body, and status', async () => {
    const body = { model: 'm', messages: [user('record me')] };
    await postChat(emulator.url, body, { 'X-Custom-Header': 'yes' });
    const record = await emulator.waitForRequest(
      (request) => request.headers['x-custom-header'] === 'yes' && request.closedAt !== undefined,
    );
    expect(record.method).toBe('POST');
    expect(record.path).toBe('/v1/chat/completions');
    expect(record.body).toBe(JSON.stringify(body));
    expect(record.json).toEqual(body);
    expect(record.status).toBe(200);
    expect(record.aborted).toBe(false);
  });

  it('marks a request whose client went away before the answer finished', async () => {
    const controller = new AbortController();
    const response = await fetch(`${emulator.url}/chat/completions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-emulator-token-delay-ms': '50',
        'x-test': 'abort',
      },
      body: JSON.stringify({
        model: 'm',
        stream: true,
        messages: [user('Tell me a long story about the ocean and its waves')],
      }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    const record = await emulator.waitForRequest(
      (request) => request.headers['x-test'] === 'abort' && request.aborted,
      2000,
    );
    expect(record.closedAt).toBeGreaterThanOrEqual(record.receivedAt);
  });

  it('rejects waitForRequest when nothing matches in time', async () => {
    await expect(
      emulator.waitForRequest((request) => request.path === '/never', 20),
    ).rejects.toThrow(/within 20 ms/);
  });
});
