import 'reflect-metadata';
import { inspect } from 'node:util';
import { decodeSSE } from '@chatwire/core';
import type { ChatFinishInfo } from '@chatwire/core/server';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CANARY_OPTIONS,
  canariesIn,
  ECHO_ANSWERS,
  type EchoAnswer,
  type EchoingUpstream,
  everythingTheBrowserGets,
  startEchoingUpstream,
} from '../../core/test/support/echoing-upstream.js';
import { ChatwireModule } from '../src/index.js';
import { PLATFORM, startApp } from './support/nest-app.js';

let upstream: EchoingUpstream;
let app: INestApplication;
let origin: string;
const errors: unknown[] = [];
const finishes: ChatFinishInfo[] = [];

beforeAll(async () => {
  upstream = await startEchoingUpstream();
  const moduleRef = await Test.createTestingModule({
    imports: [
      ChatwireModule.forRoot({
        baseURL: upstream.baseURL,
        apiKey: CANARY_OPTIONS.apiKey,
        virtualKey: CANARY_OPTIONS.virtualKey,
        maxRetries: 0,
        endpoint: {
          path: 'api/chat',
          defaultModel: 'gpt-4o-mini',
          portkeyOptions: () => ({
            authorization: CANARY_OPTIONS.authorization,
            config: CANARY_OPTIONS.config,
          }),
          onError: (error) => {
            errors.push(error);
          },
          onFinish: (info) => {
            finishes.push(info);
          },
        },
      }),
    ],
  }).compile();
  ({ app, origin } = await startApp(moduleRef));
});

afterAll(async () => {
  await app.close();
  await upstream.close();
});

function ask(answer: EchoAnswer, stream: boolean): Promise<Response> {
  return fetch(`${origin}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content: answer }], stream }),
  });
}

describe(`credentials an upstream echoes, on the Nest endpoint on ${PLATFORM}`, () => {
  it.each(
    ECHO_ANSWERS.flatMap((answer) => [
      [answer, false],
      [answer, true],
    ]) as Array<[EchoAnswer, boolean]>,
  )(
    'never reach the browser from a %s answer (stream: %s), in status, headers or body',
    async (answer, stream) => {
      const before = upstream.received.length;
      const seen = await everythingTheBrowserGets(await ask(answer, stream));
      expect(upstream.received.length).toBe(before + 1);
      expect(canariesIn(JSON.stringify(upstream.received.at(-1))).length).toBe(4);
      expect(canariesIn(seen)).toEqual([]);
    },
  );

  it('never reach onError, whether the error is printed, inspected or serialised', async () => {
    const before = errors.length;
    for (const answer of ECHO_ANSWERS) await (await ask(answer, true)).text();
    await vi.waitFor(() => expect(errors.length - before).toBeGreaterThanOrEqual(7));
    const rendered = errors
      .slice(before)
      .map((error) => [
        String(error),
        JSON.stringify(error),
        inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
      ]);
    expect(canariesIn(rendered.flat().join('\n'))).toEqual([]);
  });

  it('never reach onFinish', async () => {
    const before = finishes.length;
    await (await ask('stream', true)).text();
    await vi.waitFor(() => expect(finishes.length).toBe(before + 1));
    const { context, ...info } = finishes.at(-1)!;
    expect(info.completion?.choices[0]?.message.content).toBe('Paris');
    expect(canariesIn(inspect(info, { depth: Number.POSITIVE_INFINITY }))).toEqual([]);
    expect(canariesIn(JSON.stringify(context.body))).toEqual([]);
  });

  it("answer a 401 that quotes the key with 401 in the server's words and the trace id", async () => {
    const response = await ask('json-401', false);
    const traceId = response.headers.get('x-portkey-trace-id');
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      `The upstream rejected the server's credentials (trace id ${traceId}).`,
    );
  });

  it('are dropped with the rest of an error event inside the stream, re-encoded to four fields', async () => {
    const response = await ask('stream-error-event', true);
    let last: { event: string; data: string } | undefined;
    for await (const event of decodeSSE(response.body!)) last = event;
    expect(last?.event).toBe('error');
    const body = JSON.parse(last!.data) as { error: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  });
});
