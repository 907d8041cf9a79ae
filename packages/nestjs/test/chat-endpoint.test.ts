import 'reflect-metadata';
import { once } from 'node:events';
import http from 'node:http';
import type { ChatFinishInfo } from '@chatwire/core/server';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import {
  type CanActivate,
  Controller,
  ForbiddenException,
  type INestApplication,
  Injectable,
  Module,
  Post,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChatCompletionsService,
  ChatwireExceptionFilter,
  ChatwireModule,
  createChatCompletionsController,
} from '../src/index.js';
import { listen } from './support/listen.js';
import { invalidJSONAnswer, postJSON } from './support/post-json.js';
import { readEvents, streamedText } from './support/read-sse.js';

let emulator: Emulator;
let app: INestApplication;
let origin: string;
const turns = new Map<
  string,
  { promise: Promise<ChatFinishInfo>; report(info: ChatFinishInfo): void }
>();

/** Resolves with the `onFinish` report of the turn with this trace id, once there is one. */
function finishedTurn(traceId: string): Promise<ChatFinishInfo> {
  let turn = turns.get(traceId);
  if (turn === undefined) {
    let report!: (info: ChatFinishInfo) => void;
    const promise = new Promise<ChatFinishInfo>((resolve) => {
      report = resolve;
    });
    turn = { promise, report };
    turns.set(traceId, turn);
  }
  return turn.promise;
}

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
            void finishedTurn(info.traceId);
            turns.get(info.traceId)?.report(info);
          },
        },
      }),
    ],
  }).compile();
  app = moduleRef.createNestApplication();
  origin = await listen(app);
});

afterAll(async () => {
  await app.close();
  await emulator.close();
});

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return postJSON(`${origin}/api/chat`, JSON.stringify(body), headers);
}

const messages = [{ role: 'user', content: 'Tell me about the river Seine.' }];

describe('chat endpoint', () => {
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
    const turn = await finishedTurn(traceId ?? '');
    expect(turn.stream).toBe(true);
    expect(turn.finishReason).toBe('stop');
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

  it('refuses a form post with 415, as for every body that is not JSON', async () => {
    const response = await fetch(`${origin}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'messages[0][role]=user&messages[0][content]=hi',
    });
    expect(response.status).toBe(415);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error.code).toBe('unsupported_media_type');
  });

  it('answers other methods with 405', async () => {
    const response = await fetch(`${origin}/api/chat`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('passes an upstream refusal on with its status and message', async () => {
    const response = await post({ messages, model: 'scenario:rate-limit' });
    expect(response.status).toBe(429);
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
    const turn = await finishedTurn(traceId);
    expect(turn.aborted).toBe(true);
  });
});

describe('a controller declared in an application module', () => {
  @Injectable()
  class DenyAll implements CanActivate {
    canActivate(): boolean {
      throw new ForbiddenException('Sign in to chat.');
    }
  }

  @UseGuards(DenyAll)
  class GuardedChat extends createChatCompletionsController('guarded/chat') {}

  @Controller('summaries')
  @UseFilters(ChatwireExceptionFilter)
  class Summaries {
    constructor(private readonly completions: ChatCompletionsService) {}

    @Post()
    async summarize(): Promise<unknown> {
      return this.completions.create({
        model: 'scenario:server-error',
        messages: [{ role: 'user', content: 'hi' }],
      });
    }
  }

  let guarded: INestApplication;
  let guardedOrigin: string;

  beforeAll(async () => {
    @Module({
      imports: [ChatwireModule.forRoot({ baseURL: emulator.url, apiKey: 'test', maxRetries: 0 })],
      controllers: [GuardedChat, Summaries],
    })
    class AppModule {}

    guarded = (
      await Test.createTestingModule({ imports: [AppModule] }).compile()
    ).createNestApplication();
    guarded.useGlobalFilters(new ChatwireExceptionFilter());
    guardedOrigin = await listen(guarded);
  });

  afterAll(async () => {
    await guarded.close();
  });

  it('answers a guard refusal in the OpenAI error shape', async () => {
    const response = await postJSON(`${guardedOrigin}/guarded/chat`, JSON.stringify({ messages }));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { message: 'Sign in to chat.', type: 'permission_error', param: null, code: null },
    });
  });

  it('maps upstream errors of the service in your own routes', async () => {
    const response = await fetch(`${guardedOrigin}/summaries`, { method: 'POST' });
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
    expect(body.error.message).not.toBe('The server failed to answer the request.');
  });

  it('with the filter global, answers malformed JSON like the chat endpoint', async () => {
    const response = await postJSON(`${guardedOrigin}/summaries`, '{"messages": [');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(invalidJSONAnswer);
  });
});
