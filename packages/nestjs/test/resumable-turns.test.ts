import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { decodeSSE, type ServerSentEvent } from '@chatwire/core';
import { MemoryTurnStore } from '@chatwire/core/server';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatwireModule } from '../src/index.js';
import { PLATFORM, startApp } from './support/nest-app.js';

const USER_HEADER = 'x-test-user';

let emulator: Emulator;
let app: INestApplication;
let origin: string;

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
          turnStore: new MemoryTurnStore(),
          owner: (request) => String(request.headers[USER_HEADER]),
          portkeyOptions: () => ({ headers: { 'x-emulator-token-delay-ms': '30' } }),
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

function startTurn(prompt: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${origin}/api/chat`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
      [USER_HEADER]: 'alice',
    },
    body: JSON.stringify({ messages: [{ role: 'user', content: prompt }], stream: true }),
    signal,
  });
}

async function readEvents(response: Response, limit = Number.POSITIVE_INFINITY) {
  const events: ServerSentEvent[] = [];
  for await (const event of decodeSSE(response.body!)) {
    events.push(event);
    if (events.length === limit) break;
  }
  return events;
}

function answerText(events: readonly ServerSentEvent[]): string {
  let text = '';
  for (const { event, data } of events) {
    if (event !== 'message' || data === '[DONE]') continue;
    text += JSON.parse(data).choices[0]?.delta.content ?? '';
  }
  return text;
}

describe(`resumable turns on the Nest endpoint on ${PLATFORM}`, () => {
  it('resumes a turn after its connection dropped, with no gap and no repeat', async () => {
    const prompt = 'Tell me about resumable streams';
    const uninterrupted = answerText(await readEvents(await startTurn(prompt)));

    const controller = new AbortController();
    const first = await startTurn(prompt, controller.signal);
    const turnId = first.headers.get('x-chatwire-turn-id');
    expect(turnId).toBeTruthy();
    const seen = await readEvents(first, 3);
    controller.abort();
    expect(seen.every((event) => event.id !== undefined)).toBe(true);

    const resumed = await fetch(`${origin}/api/chat?turn=${turnId}`, {
      headers: { [USER_HEADER]: 'alice', 'last-event-id': seen.at(-1)!.id! },
    });
    expect(resumed.status).toBe(200);
    const rest = await readEvents(resumed);
    expect(rest.at(-1)?.data).toBe('[DONE]');
    expect(answerText([...seen, ...rest])).toBe(uninterrupted);
  });

  it('stops a running turn, ending its stream and its upstream call', async () => {
    const response = await startTurn('Write an essay of 500 words about lighthouses');
    const turnId = response.headers.get('x-chatwire-turn-id')!;
    const traceId = response.headers.get('x-portkey-trace-id');
    const reading = readEvents(response);

    const stop = await fetch(`${origin}/api/chat?turn=${turnId}`, {
      method: 'DELETE',
      headers: { [USER_HEADER]: 'alice' },
    });
    expect(stop.status).toBe(200);
    expect(await stop.json()).toMatchObject({ id: turnId });

    const events = await reading;
    const last = events.at(-1)!;
    expect(last.event).toBe('error');
    expect(JSON.parse(last.data).error.code).toBe('turn_stopped');
    const upstream = await emulator.waitForRequest(
      (entry) => entry.headers['x-portkey-trace-id'] === traceId && entry.closedAt !== undefined,
    );
    expect(upstream.aborted).toBe(true);
  });

  it('answers another owner 404 for the turn', async () => {
    const response = await startTurn('Say hello');
    const turnId = response.headers.get('x-chatwire-turn-id')!;
    await readEvents(response);
    const other = await fetch(`${origin}/api/chat?turn=${turnId}`, {
      headers: { [USER_HEADER]: 'mallory' },
    });
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain(turnId);
  });
});
