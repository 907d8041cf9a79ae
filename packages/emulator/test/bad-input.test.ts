import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { postChat, user } from './support/http.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ maxBodyBytes: 64 * 1024 });
});
afterAll(() => emulator.close());

describe('bad input', () => {
  it('answers malformed JSON with an OpenAI-shaped 400', async () => {
    const { status, json } = await postChat(emulator.url, '{"model":');
    expect(status).toBe(400);
    expect(json).toMatchObject({
      error: { type: 'invalid_request_error', param: null, code: null },
    });
  });

  it.each([
    [{ messages: [user('hi')] }, 'model'],
    [{ model: 'm' }, 'messages'],
  ])('names the missing parameter of %o', async (body, param) => {
    const { status, json } = await postChat(emulator.url, body);
    expect(status).toBe(400);
    expect(json).toEqual({
      error: {
        message: `Missing required parameter: '${param}'.`,
        type: 'invalid_request_error',
        param,
        code: 'missing_required_parameter',
      },
    });
  });

  it('refuses wrong types and values', async () => {
    expect((await postChat(emulator.url, { model: 'm', messages: 'hi' })).json).toMatchObject({
      error: { param: 'messages', code: 'invalid_type' },
    });
    expect(
      (await postChat(emulator.url, { model: 'm', messages: [{ role: 'robot', content: 'x' }] }))
        .status,
    ).toBe(400);
    expect(
      (await postChat(emulator.url, { model: 'm', n: 0, messages: [user('x')] })).json,
    ).toMatchObject({ error: { param: 'n' } });
  });

  it('answers 413 for a body over the limit and closes the connection', async () => {
    const { status, headers, json } = await postChat(emulator.url, {
      model: 'm',
      messages: [user('x'.repeat(70 * 1024))],
    });
    expect(status).toBe(413);
    expect(headers.get('connection')).toBe('close');
    expect(json).toMatchObject({ error: { type: 'invalid_request_error' } });
  });

  it('stops reading a chunked body once it passes the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${emulator.url}/chat/completions`,
        { method: 'POST', headers: { 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      const piece = 'x'.repeat(16 * 1024);
      for (let i = 0; i < 8; i++) req.write(piece);
      req.end();
    });
    expect(status).toBe(413);
  });

  it("answers unknown routes with OpenAI's 404, and a wrong method with an OpenAI-shaped 405", async () => {
    const unknown = await fetch(`${emulator.url}/nothing`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: {
        message: 'Invalid URL (POST /v1/nothing)',
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
    const outside = await fetch(`${emulator.origin}/v2/nothing`);
    expect(outside.status).toBe(404);
    expect(await outside.json()).toMatchObject({
      error: { message: 'Invalid URL (GET /v2/nothing)', type: 'invalid_request_error' },
    });
    const wrong = await fetch(`${emulator.url}/chat/completions`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect(await wrong.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });

  it("answers a Portkey request outside /v1 with the gateway's own 404, and inside /v1 as the provider", async () => {
    const portkey = { 'x-portkey-provider': 'openai' };
    const outside = await fetch(`${emulator.origin}/v2/nothing`, { headers: portkey });
    expect(outside.status).toBe(404);
    expect(await outside.json()).toEqual({ message: 'Not Found', ok: false });
    const inside = await fetch(`${emulator.url}/nothing`, { headers: portkey });
    expect(inside.status).toBe(404);
    expect(await inside.json()).toMatchObject({
      error: { message: 'Invalid URL (GET /v1/nothing)', type: 'invalid_request_error' },
    });
  });

  it('never fails on arbitrary bodies', async () => {
    const bodies = fc.oneof(
      fc.string(),
      fc.json(),
      fc
        .record({
          model: fc.anything(),
          messages: fc.anything(),
          stream: fc.anything(),
          tools: fc.anything(),
          n: fc.anything(),
        })
        .map((value) => JSON.stringify(value)),
      fc
        .record({
          model: fc.string(),
          messages: fc.array(
            fc.record({
              role: fc.constantFrom('user', 'assistant', 'tool', 'system'),
              content: fc.anything(),
            }),
          ),
          response_format: fc.anything(),
          tool_choice: fc.anything(),
        })
        .map((value) => JSON.stringify(value)),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const { status } = await postChat(emulator.url, body);
        expect([200, 400]).toContain(status);
      }),
      { numRuns: 150 },
    );
    expect(
      (await postChat(emulator.url, { model: 'm', messages: [user('still alive?')] })).status,
    ).toBe(200);
  });
});
