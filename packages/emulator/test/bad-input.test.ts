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
    // The client offers far more than the limit and socket buffers together, writing only as
    // fast as the server takes it: had the server read on, the whole upload would go through.
    const piece = 'x'.repeat(64 * 1024);
    const offered = 4096 * piece.length;
    let status = 0;
    let written = 0;
    await new Promise<void>((resolve) => {
      const req = request(
        `${emulator.url}/chat/completions`,
        { method: 'POST', headers: { 'content-type': 'application/json' } },
        (res) => {
          status = res.statusCode ?? 0;
          res.resume();
        },
      );
      let closed = false;
      req.on('error', () => {});
      req.on('socket', (socket) => {
        socket.on('close', () => {
          closed = true;
          written = socket.bytesWritten;
          resolve();
        });
      });
      void (async () => {
        for (let sent = 0; sent < offered && !closed; sent += piece.length) {
          if (!req.write(piece)) {
            await new Promise((drained) => {
              req.once('drain', drained);
              req.once('close', drained);
            });
          }
        }
        if (!closed) req.end();
      })();
    });
    expect(status).toBe(413);
    expect(written).toBeLessThan(offered / 4);
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
