import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeWhenTestEnds } from '../support/test-lifetime.js';

/** One request the server received. */
export interface ReceivedRequest {
  /** The parsed JSON body. */
  body: { messages: unknown[]; [key: string]: unknown };
  headers: IncomingMessage['headers'];
  /** Resolves when the client closed the connection before the answer was complete. */
  aborted: Promise<void>;
}

/** How a test answers one request. */
export type Responder = (
  request: ReceivedRequest,
  response: ServerResponse,
) => Promise<void> | void;

/** A chat completions server on 127.0.0.1 that answers with the OpenAI SSE wire format. */
export interface OpenAISSEServer {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** Starts a server; every request is answered by `respond`, the n-th by `respond(…)` in order. */
export async function startOpenAISSEServer(respond: Responder): Promise<OpenAISSEServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer(async (req, res) => {
    // Browsers (and happy-dom) call from another origin: answer the preflight, expose headers.
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-expose-headers', 'x-portkey-trace-id, x-portkey-cache-status');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
      });
      res.end();
      return;
    }
    let text = '';
    for await (const piece of req) text += piece;
    const aborted = new Promise<void>((resolve) => {
      res.on('close', () => {
        if (!res.writableFinished) resolve();
      });
    });
    const request: ReceivedRequest = { body: JSON.parse(text), headers: req.headers, aborted };
    requests.push(request);
    try {
      await respond(request, res);
    } finally {
      if (!res.writableEnded) res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/chat/completions`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Starts a server as {@link startOpenAISSEServer} does, stopped when the running test ends. */
export async function startTestSSEServer(respond: Responder): Promise<OpenAISSEServer> {
  return closeWhenTestEnds(await startOpenAISSEServer(respond));
}

/** The span id {@link openStream} sends. */
export const SPAN_ID = 'a1b2c3d4e5f60718';

/** Writes the status line and SSE headers, with Portkey's trace id, span id and cache status. */
export function openStream(response: ServerResponse, traceId = 'trace-1'): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    'x-portkey-trace-id': traceId,
    'x-portkey-span-id': SPAN_ID,
    'x-portkey-cache-status': 'MISS',
  });
  response.flushHeaders();
}

/** A `chat.completion.chunk` with one choice. */
export function chunk(
  delta: Record<string, unknown>,
  finishReason: string | null = null,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'gpt-test',
    choices: [{ index: 0, delta, finish_reason: finishReason }],
    ...extra,
  };
}

/** The usage-only chunk sent last with `stream_options.include_usage`. */
export function usageChunk(prompt: number, completion: number): Record<string, unknown> {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'gpt-test',
    choices: [],
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
    },
  };
}

/** Writes one `data:` event. */
export function writeEvent(response: ServerResponse, data: unknown, event?: string): void {
  const prefix = event === undefined ? '' : `event: ${event}\n`;
  response.write(`${prefix}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
}

/** Streams `pieces` as content chunks, then a stop chunk, a usage chunk and `[DONE]`. */
export function writeAnswer(response: ServerResponse, pieces: readonly string[]): void {
  writeEvent(response, chunk({ role: 'assistant', content: '' }));
  for (const piece of pieces) writeEvent(response, chunk({ content: piece }));
  writeEvent(response, chunk({}, 'stop'));
  writeEvent(response, usageChunk(10, pieces.length));
  writeEvent(response, '[DONE]');
}

/**
 * Writes a whole answer that calls one tool: the call's id and name first, then its arguments
 * in the given pieces, then `finish_reason: tool_calls` and `[DONE]`.
 */
export function writeToolCallAnswer(
  response: ServerResponse,
  id: string,
  name: string,
  argumentPieces: readonly string[],
): void {
  openStream(response);
  writeEvent(
    response,
    chunk({
      role: 'assistant',
      tool_calls: [{ index: 0, id, type: 'function', function: { name, arguments: '' } }],
    }),
  );
  for (const piece of argumentPieces) {
    writeEvent(response, chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] }));
  }
  writeEvent(response, chunk({}, 'tool_calls'));
  writeEvent(response, '[DONE]');
}

/** A promise with its resolve function, to hold a response until the test lets it go. */
export function createGate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}
