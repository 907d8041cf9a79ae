import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APIConnectionError, APIError, createClient } from '../../src/index.js';
import {
  CANARIES,
  CANARY_OPTIONS,
  canariesIn,
  type EchoAnswer,
  type EchoingUpstream,
  startEchoingUpstream,
} from '../support/echoing-upstream.js';
import { closeWhenTestEnds } from '../support/test-lifetime.js';

let upstream: EchoingUpstream;

beforeAll(async () => {
  upstream = await startEchoingUpstream();
});

afterAll(() => upstream.close());

/** A client holding two canaries; the other two are given with each call. */
function canaryClient() {
  return closeWhenTestEnds(
    createClient({
      baseURL: upstream.baseURL,
      apiKey: CANARY_OPTIONS.apiKey,
      virtualKey: CANARY_OPTIONS.virtualKey,
      maxRetries: 0,
    }),
  );
}

const callOptions = {
  authorization: CANARY_OPTIONS.authorization,
  config: CANARY_OPTIONS.config,
};

function body(answer: EchoAnswer) {
  return { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: answer }] };
}

function streamBody(answer: EchoAnswer) {
  return { ...body(answer), stream: true as const };
}

async function rejection(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded');
}

/** Every way an error is commonly printed or logged, joined. */
function everyRendering(error: unknown): string {
  const apiError = error as APIError;
  return [
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    JSON.stringify(apiError.error),
    JSON.stringify([...(apiError.headers ?? new Headers())]),
  ].join('\n');
}

describe('credentials echoed by an upstream', () => {
  it('reach the upstream, so the tests below have something to leak', async () => {
    const client = canaryClient();
    await client.chat.completions
      .create(streamBody('stream'), callOptions)
      .then((stream) => stream.finalChatCompletion());
    const sent = JSON.stringify(upstream.received.at(-1));
    expect(canariesIn(sent)).toEqual(Object.values(CANARIES));
  });

  it.each(['json-401', 'json-400', 'json-429', 'json-500', 'text-error', 'text-200'] as const)(
    'are redacted from the APIError of a %s answer, its message, body and headers',
    async (answer) => {
      const error = await rejection(
        canaryClient().chat.completions.create(body(answer), callOptions),
      );
      expect(APIError.isInstance(error)).toBe(true);
      expect(canariesIn(everyRendering(error))).toEqual([]);
      expect((error as APIError).message).toContain('[redacted]');
    },
  );

  it('are redacted from the error an error event inside a stream reports', async () => {
    const stream = await canaryClient().chat.completions.create(
      streamBody('stream-error-event'),
      callOptions,
    );
    const error = await rejection(stream.finalChatCompletion());
    expect(APIError.isInstance(error)).toBe(true);
    expect((error as APIError).message).toContain('The provider failed for the key [redacted]');
    expect(canariesIn(everyRendering(error))).toEqual([]);
  });

  it('are redacted from the error event a stream passed on with toReadableStream carries', async () => {
    const stream = await canaryClient().chat.completions.create(
      streamBody('stream-error-event'),
      callOptions,
    );
    const passedOn = await new Response(stream.toReadableStream()).text();
    expect(passedOn).toContain('"content":"Par"');
    expect(passedOn).toContain('event: error');
    expect(passedOn).toContain('[redacted]');
    expect(canariesIn(passedOn)).toEqual([]);
  });

  it('are left out of relayed bytes with omitErrorEvent, which end before the error event', async () => {
    const stream = await canaryClient().chat.completions.create(
      streamBody('stream-error-event'),
      callOptions,
    );
    const decoder = new TextDecoder();
    let relayed = '';
    for await (const bytes of stream.eventBytes({ omitErrorEvent: true })) {
      relayed += decoder.decode(bytes);
    }
    expect(relayed).toContain('"content":"Par"');
    expect(relayed).not.toContain('event: error');
    expect(canariesIn(relayed)).toEqual([]);
    expect(APIError.isInstance(await rejection(stream.finalChatCompletion()))).toBe(true);
  });
});

describe('a baseURL with a user name and password', () => {
  it('is not quoted with them in connection error messages', async () => {
    const client = closeWhenTestEnds(
      createClient({
        baseURL: 'http://gateway-user:canary-url-password@127.0.0.1:1/v1',
        apiKey: CANARIES.apiKey,
        maxRetries: 0,
      }),
    );
    const error = await rejection(client.chat.completions.create(body('stream')));
    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('http://[redacted]@127.0.0.1:1/v1');
    expect(inspect(error, { depth: Number.POSITIVE_INFINITY })).not.toContain(
      'canary-url-password',
    );
  });
});
