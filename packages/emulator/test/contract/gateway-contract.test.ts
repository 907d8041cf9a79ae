import {
  type ChatCompletionChunk,
  type ChatCompletionCreateParamsNonStreaming,
  type ChatwireClient,
  InternalServerError,
  RateLimitError,
} from '@chatwire/core';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/index.js';
import { gatewayHeadersFor } from '../support/gateway.js';
import { useGatewayPair } from '../support/gateway-pair.js';

const pair = useGatewayPair();

const weather = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

/** Runs the same call against the emulator and through the gateway to it. */
async function both<T>(
  call: (client: ChatwireClient) => Promise<T>,
): Promise<[direct: T, viaGateway: T]> {
  return [await call(pair.direct), await call(pair.viaGateway)];
}

async function collect(
  client: ChatwireClient,
  body: Omit<ChatCompletionCreateParamsNonStreaming, 'stream'>,
  traceId?: string,
) {
  const stream = await client.chat.completions.create(
    { ...body, stream: true },
    traceId ? { traceId } : {},
  );
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { chunks, meta: stream.meta };
}

async function failure(client: ChatwireClient, model: string): Promise<unknown> {
  try {
    await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] });
  } catch (error) {
    return error;
  }
  throw new Error('The call did not fail');
}

/** The tool calls of a stream, each name and arguments joined from its fragments, in index order. */
function reassembledToolCalls(
  chunks: ChatCompletionChunk[],
): Array<{ name: string; arguments: string }> {
  const calls: Array<{ name: string; arguments: string }> = [];
  for (const delta of chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? [])) {
    const call = calls[delta.index] ?? { name: '', arguments: '' };
    calls[delta.index] = call;
    call.name += delta.function?.name ?? '';
    call.arguments += delta.function?.arguments ?? '';
  }
  return calls;
}

describe('the emulator answers like the real gateway in front of it', () => {
  it('gives the same plain answer', async () => {
    const body = {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user' as const, content: 'Summarise why the sky is blue.' }],
    };
    const [a, b] = await both((client) => client.chat.completions.create(body));
    expect(b.choices[0]?.message.content).toBe(a.choices[0]?.message.content);
    expect(b.choices[0]?.finish_reason).toBe('stop');
    expect(b.object).toBe('chat.completion');
    expect(b.usage).toEqual(a.usage);
  });

  it('streams the same chunks, with usage', async () => {
    const body = {
      model: 'gpt-4o-mini',
      stream_options: { include_usage: true },
      messages: [{ role: 'user' as const, content: 'Hello there' }],
    };
    const [a, b] = await both((client) => collect(client, body));
    const text = (chunks: ChatCompletionChunk[]) =>
      chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text(b.chunks)).toBe(text(a.chunks));
    expect(b.chunks.length).toBe(a.chunks.length);
    expect(b.chunks.at(-1)?.choices).toEqual([]);
    expect(b.chunks.at(-1)?.usage).toEqual(a.chunks.at(-1)?.usage);
  });

  it('returns the same tool calls, streamed and not', async () => {
    const body = {
      model: 'm',
      tools: [weather],
      messages: [{ role: 'user' as const, content: 'Weather in Paris and Tokyo?' }],
    };
    const [a, b] = await both((client) => client.chat.completions.create(body));
    const calls = (completion: typeof a) =>
      completion.choices[0]?.message.tool_calls?.map((call) => call.function);
    expect(calls(b)).toEqual(calls(a));
    expect(calls(b)).toHaveLength(2);
    const [sa, sb] = await both((client) => collect(client, body));
    expect(reassembledToolCalls(sb.chunks)).toEqual(reassembledToolCalls(sa.chunks));
    expect(reassembledToolCalls(sb.chunks)).toEqual(calls(a));
    for (const call of reassembledToolCalls(sb.chunks)) {
      expect(JSON.parse(call.arguments)).toHaveProperty('city');
    }
    expect(sb.chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('round-trips the trace id', async () => {
    const [a, b] = await both((client) =>
      collect(
        client,
        { model: 'm', messages: [{ role: 'user', content: 'hi' }] },
        'trace-contract-1',
      ),
    );
    expect(a.meta.traceId).toBe('trace-contract-1');
    expect(b.meta.traceId).toBe('trace-contract-1');
  });

  it('maps an upstream 429 to RateLimitError with retry-after and the provider prefix', async () => {
    const [a, b] = await both((client) => failure(client, 'scenario:rate-limit'));
    for (const error of [a, b]) {
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).status).toBe(429);
      expect((error as RateLimitError).headers?.get('retry-after')).toBe('1');
      expect((error as RateLimitError).message).toContain('openai error: ');
    }
  });

  it('maps an upstream 500 to InternalServerError', async () => {
    const [a, b] = await both((client) => failure(client, 'scenario:server-error'));
    expect(a).toBeInstanceOf(InternalServerError);
    expect(b).toBeInstanceOf(InternalServerError);
  });

  it('answers 408 when the upstream is slower than x-portkey-request-timeout', async () => {
    const [a, b] = await both(async (client) => {
      try {
        await client.chat.completions.create(
          { model: 'scenario:slow-first-byte', messages: [{ role: 'user', content: 'hi' }] },
          { requestTimeout: 200 },
        );
      } catch (error) {
        return error as { status?: number; message: string };
      }
      throw new Error('The call did not time out');
    });
    expect(a.status).toBe(408);
    expect(b.status).toBe(408);
    expect(b.message).toContain('Request exceeded the timeout sent in the request: 200ms');
  });
});

describe('facts about the real gateway the emulator relies on', () => {
  it('answers a path outside /v1 with its own 404 body, as the emulator does', async () => {
    const headers = gatewayHeadersFor(pair.emulator.url);
    const answers = await Promise.all(
      [pair.gateway.origin, pair.emulator.origin].map(async (origin) => {
        const response = await fetch(`${origin}/v2/nothing`, { headers });
        return { status: response.status, body: await response.json() };
      }),
    );
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0]).toEqual({ status: 404, body: { message: 'Not Found', ok: false } });
  });

  it('refuses a request with neither provider nor config as strictGateway does', async () => {
    const strict = await startEmulator({ strictGateway: true });
    try {
      const answers = await Promise.all(
        [pair.gateway.url, strict.url].map(async (url) => {
          const response = await fetch(`${url}/chat/completions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-portkey-api-key': 'pk' },
            body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
          });
          return { status: response.status, body: await response.json() };
        }),
      );
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[0]?.status).toBe(400);
    } finally {
      await strict.close();
    }
  });

  it('sends the upstream none of the x-portkey-* headers', async () => {
    const marker = `upstream-headers-${Date.now()}`;
    await pair.viaGateway.chat.completions.create(
      { model: 'm', messages: [{ role: 'user', content: marker }] },
      { traceId: 'trace-hidden' },
    );
    const upstream = await pair.emulator.waitForRequest((request) => request.body.includes(marker));
    expect(Object.keys(upstream.headers).filter((name) => name.startsWith('x-portkey-'))).toEqual(
      [],
    );
    expect(upstream.headers.authorization).toBe('Bearer test');
  });

  it('retries a 500 under a retry config and then answers x-portkey-retry-attempt-count: -1', async () => {
    const response = await fetch(`${pair.gateway.url}/chat/completions`, {
      method: 'POST',
      headers: {
        ...gatewayHeadersFor(pair.emulator.url),
        'content-type': 'application/json',
        'x-portkey-config': '{"retry":{"attempts":1}}',
      },
      body: JSON.stringify({
        model: 'scenario:server-error',
        messages: [{ role: 'user', content: `retry ${Date.now()}` }],
      }),
    });
    await response.text();
    expect(response.status).toBe(500);
    expect(response.headers.get('x-portkey-retry-attempt-count')).toBe('-1');
  }, 15_000);

  it('reports the answering target of a fallback config as config.targets[i]', async () => {
    const config = {
      strategy: { mode: 'fallback' as const },
      targets: [
        {
          provider: 'openai',
          api_key: 'test',
          custom_host: pair.emulator.url,
          override_params: { model: 'scenario:server-error' },
        },
        { provider: 'openai', api_key: 'test', custom_host: pair.emulator.url },
      ],
    };
    const [a, b] = await both((client) =>
      client.chat.completions.create(
        { model: 'm', messages: [{ role: 'user', content: 'hi' }] },
        { config },
      ),
    );
    expect(a.meta.lastUsedOption).toBe('config.targets[1]');
    expect(a.meta.lastUsedOptionIndex).toBe(1);
    expect(b.meta.lastUsedOptionIndex).toBe(1);
    expect(b.meta.headers.get('x-portkey-last-used-option-index')).toBe('config.targets[1]');
    expect(a.meta.headers.get('x-portkey-last-used-option-index')).toBe('config.targets[1]');
  });

  it('does not abort the upstream when its client disconnects', async () => {
    const marker = `disconnect-${Date.now()}`;
    const controller = new AbortController();
    const response = await fetch(`${pair.gateway.url}/chat/completions`, {
      method: 'POST',
      headers: { ...gatewayHeadersFor(pair.emulator.url), 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'scenario:slow-stream',
        stream: true,
        max_tokens: 4,
        messages: [{ role: 'user', content: marker }],
      }),
      signal: controller.signal,
    });
    await response.body?.getReader().read();
    controller.abort();
    const upstream = await pair.emulator.waitForRequest(
      (request) => request.body.includes(marker) && request.closedAt !== undefined,
      10_000,
    );
    expect(upstream.aborted).toBe(false);
  }, 15_000);
});
