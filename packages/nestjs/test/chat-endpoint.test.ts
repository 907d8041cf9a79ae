import 'reflect-metadata';
import { once } from 'node:events';
import http from 'node:http';
import type { ChatFinishInfo } from '@chatwire/core/server';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChatwireModule } from '../src/index.js';
import { PLATFORM, startApp } from './support/nest-app.js';
import { postJSON } from './support/post-json.js';
import { readEvents, streamedText } from './support/read-sse.js';

let emulator: Emulator;
let app: INestApplication;
let origin: string;
const finished: ChatFinishInfo[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  const moduleRef = await Test.createTestingModule({
    imports: [
      ChatwireModule.forRoot({
        baseURL: emulator.url,
        apiKey: 'server-key',
        maxRetries: 0,
        endpoint: {
          path: 'api/chat',
          defaultModel: 'gpt-4o-mini',
          allowedModels: (model) => model === 'gpt-4o-mini' || model.startsWith('scenario:'),
          portkeyOptions: () => ({ spanName: 'nest-chat', metadata: { _user: 'user-1' } }),
          onFinish: (info) => {
            finished.push(info);
          },
        },
      }),
    ],
  }).compile();
  ({ app, origin } = await startApp(moduleRef));
});

afterAll(async () => {
  await app.close();
  await emulator.close();
});

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return postJSON(`${origin}/api/chat`, JSON.stringify(body), headers);
}

/** The `onFinish` report of the turn with this trace id, once there is one. */
function finishOf(traceId: string): Promise<ChatFinishInfo> {
  return vi.waitFor(() => {
    const info = finished.find((entry) => entry.traceId === traceId);
    if (info === undefined) throw new Error(`No onFinish report for ${traceId} yet.`);
    return info;
  }, 5_000);
}

const messages = [{ role: 'user', content: 'Tell me about the river Seine.' }];

describe(`chat endpoint on ${PLATFORM}`, () => {
  it('answers a plain request with the completion and the trace id header', async () => {
    const response = await post({ messages }, { 'x-request-id': 'incoming-trace-1' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-portkey-trace-id')).toBe('incoming-trace-1');
    const completion = (await response.json()) as {
      choices: Array<{ message: { content: string } }>;
    };
    expect(completion.choices[0]?.message.content).toContain('Seine');

    const upstream = await emulator.waitForRequest(
      (request) => request.headers['x-portkey-trace-id'] === 'incoming-trace-1',
    );
    expect(upstream.headers['x-portkey-api-key']).toBe('server-key');
    expect(upstream.headers['x-portkey-span-name']).toBe('nest-chat');
    expect((upstream.json as { model: string }).model).toBe('gpt-4o-mini');
  });

  it('streams the answer as server-sent events ending with [DONE]', async () => {
    const response = await post({ messages, stream: true });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    const traceId = response.headers.get('x-portkey-trace-id');
    expect(traceId).toMatch(/^[0-9a-f-]{36}$/);
    const events = await readEvents(response);
    expect(events.at(-1)?.data).toBe('[DONE]');
    expect(streamedText(events)).toContain('Seine');
    const turn = await finishOf(traceId ?? '');
    expect(turn.stream).toBe(true);
    expect(turn.finishReason).toBe('stop');
    expect(turn.aborted).toBe(false);
  });

  it('never forwards credentials the browser sends, in headers or in the body', async () => {
    const smuggled = 'smuggled-by-the-browser';
    const response = await post(
      { messages, api_key: `${smuggled}-body`, virtual_key: `${smuggled}-vk`, config: smuggled },
      {
        'x-request-id': 'smuggled-trace',
        'x-portkey-api-key': `${smuggled}-header`,
        authorization: `Bearer ${smuggled}-bearer`,
      },
    );
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const upstream = await emulator.waitForRequest(
      (request) => request.headers['x-portkey-trace-id'] === 'smuggled-trace',
    );
    expect(upstream.headers['x-portkey-api-key']).toBe('server-key');
    expect(JSON.stringify(upstream.headers)).not.toContain(smuggled);
    expect(JSON.stringify(upstream.json)).not.toContain(smuggled);
  });

  it('refuses an invalid body with a 400 naming the field', async () => {
    const response = await post({ messages: [{ role: 'user' }] });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({
      type: 'invalid_request_error',
      param: 'messages[0].content',
      code: 'invalid_value',
    });
  });

  it('refuses a model outside the policy', async () => {
    const response = await post({ messages, model: 'gpt-4o' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ param: 'model', code: 'model_not_allowed' });
  });

  it('answers other methods with 405', async () => {
    const response = await fetch(`${origin}/api/chat`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('passes an upstream refusal on with its status, message and retry-after', async () => {
    const response = await post({ messages, model: 'scenario:rate-limit' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
    expect(body.error.message).toEqual(expect.stringMatching(/\S/));
  });

  it('ends a stream that fails upstream with an error event', async () => {
    const response = await post({ messages, model: 'scenario:truncated', stream: true });
    expect(response.status).toBe(200);
    const events = await readEvents(response);
    const last = events.at(-1);
    expect(last?.event).toBe('error');
    expect(JSON.parse(last?.data ?? '{}')).toMatchObject({ error: { code: 'stream_truncated' } });
  });

  it('aborts the upstream call when the browser goes away mid-stream', async () => {
    const traceId = 'endpoint-disconnect';
    const request = http.request(`${origin}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': traceId },
    });
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      request.once('response', resolve).once('error', reject);
      request.end(JSON.stringify({ messages, model: 'scenario:slow-stream', stream: true }));
    });
    expect(response.statusCode).toBe(200);
    await once(response, 'data');
    request.destroy();
    const upstream = await emulator.waitForRequest(
      (recorded) => recorded.headers['x-portkey-trace-id'] === traceId && recorded.aborted,
    );
    expect(upstream.aborted).toBe(true);
    expect((await finishOf(traceId)).aborted).toBe(true);
  });
});
