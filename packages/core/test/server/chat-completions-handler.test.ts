import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatwireClient, createClient } from '../../src/client/index.js';
import {
  type ChatCompletionsHandler,
  type ChatFinishInfo,
  createChatCompletionsHandler,
} from '../../src/server/index.js';

interface UpstreamRequest {
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

const chunk = (content: string, finish: string | null) =>
  JSON.stringify({
    id: 'c1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm1',
    choices: [{ index: 0, delta: { content }, finish_reason: finish }],
  });

/** A stand-in for Portkey: one streamed or JSON answer, or a 429 when asked by a header. */
async function startUpstream(
  received: UpstreamRequest[],
): Promise<{ server: Server; url: string }> {
  const server = createServer(async (request, response) => {
    let text = '';
    for await (const piece of request) text += piece;
    const body = JSON.parse(text) as Record<string, unknown>;
    received.push({ headers: request.headers, body });
    if (request.headers['x-test-status'] !== undefined) {
      response.writeHead(Number(request.headers['x-test-status']), {
        'content-type': 'application/json',
      });
      response.end(
        JSON.stringify({ error: { message: 'slow down', type: 'rate_limit', code: 'rl' } }),
      );
      return;
    }
    const headers = {
      'x-portkey-trace-id': String(request.headers['x-portkey-trace-id']),
      'x-portkey-cache-status': 'MISS',
    };
    if (body.stream === true && request.headers['x-test-truncate'] !== undefined) {
      response.writeHead(200, { ...headers, 'content-type': 'text/event-stream' });
      response.write(`data: ${chunk('Hel', null)}\n\n: ping\n\n`);
      response.end(`data: ${chunk('lo', null).slice(0, 30)}`);
      return;
    }
    if (body.stream === true) {
      response.writeHead(200, { ...headers, 'content-type': 'text/event-stream' });
      response.write(`data: ${chunk('Hel', null)}\n\n`);
      response.write(`data: ${chunk('lo', 'stop')}\n\n`);
      response.end('data: [DONE]\n\n');
      return;
    }
    response.writeHead(200, { ...headers, 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: 'c1',
        object: 'chat.completion',
        created: 1,
        model: 'm1',
        choices: [
          { index: 0, message: { role: 'assistant', content: 'Hello' }, finish_reason: 'stop' },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` };
}

const received: UpstreamRequest[] = [];
const finished: ChatFinishInfo[] = [];
let upstream: Server;
let client: ChatwireClient;
let endpoint: Server;
let endpointUrl: string;
let handler: ChatCompletionsHandler;

beforeAll(async () => {
  const started = await startUpstream(received);
  upstream = started.server;
  client = createClient({
    baseURL: started.url,
    apiKey: 'server-key',
    provider: 'openai',
    maxRetries: 0,
  });
  handler = createChatCompletionsHandler({
    client,
    defaultModel: 'm1',
    portkeyOptions: (request) => ({
      metadata: { _user: 'u-42' },
      headers:
        request.headers['x-fail'] !== undefined
          ? { 'x-test-status': '429' }
          : request.headers['x-cut'] !== undefined
            ? { 'x-test-truncate': '1' }
            : undefined,
    }),
    onFinish: (info) => {
      finished.push(info);
    },
  });
  // A framework that parsed the body already passes it as the third argument.
  endpoint = createServer(async (request, response) => {
    if (request.url === '/parsed') {
      let text = '';
      for await (const piece of request) text += piece;
      await handler(request, response, JSON.parse(text));
    } else {
      await handler(request, response);
    }
  });
  endpoint.listen(0, '127.0.0.1');
  await once(endpoint, 'listening');
  endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}`;
});

afterAll(async () => {
  endpoint.closeAllConnections();
  upstream.closeAllConnections();
  await new Promise((resolve) => endpoint.close(resolve));
  await new Promise((resolve) => upstream.close(resolve));
  await client.close();
});

function post(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${endpointUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const messages = [{ role: 'user', content: 'Hi' }];

describe('createChatCompletionsHandler on node:http', () => {
  it('answers JSON with the upstream body and the Portkey headers', async () => {
    const response = await post('/', { messages }, { 'x-request-id': 'req-7' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-portkey-trace-id')).toBe('req-7');
    expect(response.headers.get('x-portkey-cache-status')).toBe('MISS');
    expect(response.headers.get('access-control-expose-headers')).toContain('x-portkey-trace-id');
    const body = (await response.json()) as { choices: Array<{ message: { content: string } }> };
    expect(body.choices[0]?.message.content).toBe('Hello');
    const sent = received.at(-1)!;
    expect(sent.body.model).toBe('m1');
    expect(sent.headers['x-portkey-api-key']).toBe('server-key');
    expect(sent.headers['x-portkey-trace-id']).toBe('req-7');
    expect(JSON.parse(String(sent.headers['x-portkey-metadata']))).toEqual({ _user: 'u-42' });
  });

  it('streams the upstream events unchanged and reports the finished turn', async () => {
    const response = await post('/', { messages, stream: true });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const text = await response.text();
    expect(text).toBe(
      `data: ${chunk('Hel', null)}\n\ndata: ${chunk('lo', 'stop')}\n\ndata: [DONE]\n\n`,
    );
    expect(received.at(-1)!.body.stream_options).toEqual({ include_usage: true });
    const info = finished.at(-1)!;
    expect(info.stream).toBe(true);
    expect(info.finishReason).toBe('stop');
    expect(info.completion?.choices[0]?.message.content).toBe('Hello');
    expect(info.traceId).toBe(response.headers.get('x-portkey-trace-id'));
  });

  it('passes the whole events on as sent and ends a truncated stream with an error event', async () => {
    const response = await post('/', { messages, stream: true }, { 'x-cut': '1' });
    expect(response.status).toBe(200);
    const text = await response.text();
    const [passed, failure] = text.split(': ping\n\n');
    expect(passed).toBe(`data: ${chunk('Hel', null)}\n\n`);
    expect(failure).toMatch(/^event: error\ndata: .*"code":"stream_truncated".*\n\n$/);
  });

  it('uses a body the framework parsed already', async () => {
    const response = await post('/parsed', { messages, provider: 'evil' });
    expect(response.status).toBe(200);
    expect(received.at(-1)!.body).not.toHaveProperty('provider');
  });

  it('refuses a parsed body that was not sent as JSON, without calling the upstream', async () => {
    const before = received.length;
    const response = await fetch(`${endpointUrl}/parsed`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ messages }),
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'unsupported_media_type',
    );
    expect(received.length).toBe(before);
  });

  it('answers an upstream error with its status and an OpenAI-shaped body', async () => {
    const response = await post('/', { messages }, { 'x-fail': '1' });
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({
      error: { message: 'slow down', type: 'rate_limit', param: null, code: 'rl' },
    });
  });

  it('refuses other methods with 405', async () => {
    const response = await fetch(`${endpointUrl}/`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

describe('createChatCompletionsHandler without portkeyOptions', () => {
  it('sends the trace id it answers with upstream, beside the client headers', async () => {
    const plain = createChatCompletionsHandler({ client, defaultModel: 'm1' });
    const server = createServer((request, response) => void plain(request, response));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      for (const headers of [{ 'x-request-id': 'req-9' }, {}] as Record<string, string>[]) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ messages, stream: true }),
        });
        await response.text();
        const traceId = response.headers.get('x-portkey-trace-id');
        expect(traceId).toEqual(headers['x-request-id'] ?? expect.any(String));
        const sent = received.at(-1)!;
        expect(sent.headers['x-portkey-trace-id']).toBe(traceId);
        expect(sent.headers['x-portkey-api-key']).toBe('server-key');
        expect(sent.headers['x-portkey-provider']).toBe('openai');
        expect(sent.headers['x-portkey-metadata']).toBeUndefined();
      }
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
