import { inspect } from 'node:util';
import { createClient, decodeSSE } from '@chatwire/core';
import type { ChatFinishInfo } from '@chatwire/core/server';
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
import type { ChatCompletionsOptions } from '../src/index.js';
import { type ChatServer, startChatServer } from './chat-server.js';

let upstream: EchoingUpstream;
const errors: unknown[] = [];
const finishes: ChatFinishInfo[] = [];

/** A chat server holding the canaries: two in its client, two in its per-request options. */
async function startCanaryServer(options: Partial<ChatCompletionsOptions> = {}) {
  const client = createClient({
    baseURL: upstream.baseURL,
    apiKey: CANARY_OPTIONS.apiKey,
    virtualKey: CANARY_OPTIONS.virtualKey,
    maxRetries: 0,
  });
  const chat = await startChatServer({
    client,
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
    ...options,
  });
  return {
    ...chat,
    close: async () => {
      await chat.close();
      await client.close();
    },
  };
}

let chat: ChatServer;

beforeAll(async () => {
  upstream = await startEchoingUpstream();
  chat = await startCanaryServer();
});

afterAll(async () => {
  await chat.close();
  await upstream.close();
});

function ask(server: ChatServer, answer: EchoAnswer, stream: boolean): Promise<Response> {
  return fetch(`${server.origin}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content: answer }], stream }),
  });
}

/** The last event of a streamed answer. */
async function lastEvent(response: Response): Promise<{ event: string; data: string }> {
  let last: { event: string; data: string } | undefined;
  for await (const event of decodeSSE(response.body!)) last = event;
  return last!;
}

describe('credentials an upstream echoes', () => {
  it.each(
    ECHO_ANSWERS.flatMap((answer) => [
      [answer, false],
      [answer, true],
    ]) as Array<[EchoAnswer, boolean]>,
  )(
    'never reach the browser from a %s answer (stream: %s), in status, headers or body',
    async (answer, stream) => {
      const before = upstream.received.length;
      const seen = await everythingTheBrowserGets(await ask(chat, answer, stream));
      expect(upstream.received.length).toBe(before + 1);
      expect(canariesIn(JSON.stringify(upstream.received.at(-1))).length).toBe(4);
      expect(canariesIn(seen)).toEqual([]);
    },
  );

  it('never reach onError, whether the error is printed, inspected or serialised', async () => {
    const before = errors.length;
    for (const answer of ECHO_ANSWERS) await (await ask(chat, answer, true)).text();
    await vi.waitFor(() => expect(errors.length - before).toBeGreaterThanOrEqual(7));
    const logged = errors.slice(before);
    const rendered = logged.map((error) => [
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    ]);
    expect(canariesIn(rendered.flat().join('\n'))).toEqual([]);
  });

  it('never reach onFinish', async () => {
    const before = finishes.length;
    await (await ask(chat, 'stream', true)).text();
    await vi.waitFor(() => expect(finishes.length).toBe(before + 1));
    const { context, ...info } = finishes.at(-1)!;
    expect(info.completion?.choices[0]?.message.content).toBe('Paris');
    expect(canariesIn(inspect(info, { depth: Number.POSITIVE_INFINITY }))).toEqual([]);
    expect(canariesIn(JSON.stringify(context.body))).toEqual([]);
  });
});

describe('the error answers the browser gets', () => {
  it("a 401 that quotes the key is answered 401 in the server's words, with the trace id", async () => {
    const response = await ask(chat, 'json-401', false);
    const traceId = response.headers.get('x-portkey-trace-id');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: {
        message: `The upstream rejected the server's credentials (trace id ${traceId}).`,
        type: 'authentication_error',
        param: null,
        code: null,
      },
    });
  });

  it("a 400 about the browser's messages keeps the upstream's message, credentials redacted", async () => {
    const response = await ask(chat, 'json-400', false);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: Record<string, unknown> };
    expect(error.message).toMatch(/^Invalid value for 'messages' in a request with the headers/);
    expect(error.message).toContain('[redacted]');
    expect(error.param).toBe('messages');
    expect(Object.keys(error).sort()).toEqual(['code', 'message', 'param', 'type']);
  });

  it('a 200 whose body is not JSON is answered 502 with a generic message', async () => {
    const response = await ask(chat, 'text-200', false);
    const traceId = response.headers.get('x-portkey-trace-id');
    expect(response.status).toBe(502);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      `The upstream answered with a body that is not JSON (trace id ${traceId}).`,
    );
  });

  it('an error event inside the stream is re-encoded to the four-field shape, debug fields dropped', async () => {
    const response = await ask(chat, 'stream-error-event', true);
    const traceId = response.headers.get('x-portkey-trace-id');
    const last = await lastEvent(response);
    expect(last.event).toBe('error');
    expect(JSON.parse(last.data)).toEqual({
      error: {
        message: `The upstream reported an error during the answer (trace id ${traceId}).`,
        type: 'api_error',
        param: null,
        code: null,
      },
    });
  });

  it("with upstreamErrors: 'forward', a 401 keeps the upstream's message, credentials redacted", async () => {
    const forwarding = await startCanaryServer({ upstreamErrors: 'forward' });
    try {
      const response = await ask(forwarding, 'json-401', false);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
        'Incorrect API key provided: [redacted]',
      );
    } finally {
      await forwarding.close();
    }
  });
});
