import type { IncomingHttpHeaders } from 'node:http';
import { type ChatwireClient, createClient } from '../../src/client/index.js';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParams,
} from '../../src/types/index.js';
import { dataEvent, sendJSON, sendStream } from './responses.js';
import { closeWhenTestEnds } from './test-lifetime.js';
import { startServer } from './test-server.js';

/** A request the fake server received. */
export interface ReceivedRequest {
  body: ChatCompletionCreateParams;
  headers: IncomingHttpHeaders;
}

/** What the fake model answers: text, tool calls, or both. */
export interface FakeAnswer {
  content?: string;
  toolCalls?: Array<{ id: string; name: string; arguments: string }>;
}

/** The fake model: what it answers to a request. */
export type FakeModel = (request: ReceivedRequest) => FakeAnswer | Promise<FakeAnswer>;

/** A local server speaking the OpenAI Chat Completions wire format. */
export interface OpenAIWireServer {
  /** The base URL to give a client, ending in `/v1`. */
  baseURL: string;
  /** Every request received, in order. */
  requests: ReceivedRequest[];
  /** Stops the server; again once it has stopped is a no-op. */
  close(): Promise<void>;
}

/**
 * Starts a server on 127.0.0.1 (a free port) answering `POST /v1/chat/completions` with what
 * `answer` returns: a JSON completion, or with `stream: true` the same answer as SSE chunks
 * (text and tool-call arguments cut into small pieces), a usage chunk when asked, and
 * `data: [DONE]`. It echoes `x-portkey-trace-id`, and stops when the running test ends.
 */
export async function startOpenAIWireServer(answer: FakeModel): Promise<OpenAIWireServer> {
  const requests: ReceivedRequest[] = [];
  let served = 0;
  const server = await startServer(async (received, response) => {
    if (received.method !== 'POST' || received.url !== '/v1/chat/completions') {
      sendJSON(response, 404, { error: { message: 'Not found', type: 'not_found' } });
      return;
    }
    const request: ReceivedRequest = { body: JSON.parse(received.body), headers: received.headers };
    requests.push(request);
    served++;
    const reply = await answer(request);
    const traceId = String(received.headers['x-portkey-trace-id'] ?? `trace-${served}`);
    const completion = toCompletion(reply, request.body.model, served);
    if (request.body.stream !== true) {
      sendJSON(response, 200, completion, { 'x-portkey-trace-id': traceId });
      return;
    }
    const includeUsage = request.body.stream_options?.include_usage === true;
    const events = toChunks(completion, includeUsage).map(dataEvent);
    sendStream(response, [...events, 'data: [DONE]\n\n'], {
      'cache-control': 'no-cache',
      'x-portkey-trace-id': traceId,
    });
  });
  return { baseURL: server.baseURL, requests, close: server.close };
}

/** A client of `server` with a test API key and no retries, closed when the running test ends. */
export function clientOf(server: OpenAIWireServer): ChatwireClient {
  return closeWhenTestEnds(
    createClient({ baseURL: server.baseURL, apiKey: 'pk-test', maxRetries: 0 }),
  );
}

function toCompletion(reply: FakeAnswer, model: string, serial: number): ChatCompletion {
  const toolCalls = reply.toolCalls ?? [];
  return {
    id: `chatcmpl-${serial}`,
    object: 'chat.completion',
    created: 1_700_000_000 + serial,
    model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: reply.content ?? null,
          refusal: null,
          ...(toolCalls.length > 0 && {
            tool_calls: toolCalls.map((call) => ({
              id: call.id,
              type: 'function' as const,
              function: { name: call.name, arguments: call.arguments },
            })),
          }),
        },
        finish_reason: toolCalls.length > 0 ? 'tool_calls' : 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  };
}

function pieces(text: string, size = 4): string[] {
  const result: string[] = [];
  for (let i = 0; i < text.length; i += size) result.push(text.slice(i, i + size));
  return result;
}

function toChunks(completion: ChatCompletion, includeUsage: boolean): ChatCompletionChunk[] {
  const base = {
    id: completion.id,
    object: 'chat.completion.chunk' as const,
    created: completion.created,
    model: completion.model,
    ...(includeUsage && { usage: null }),
  };
  const choice = completion.choices[0]!;
  const { content, tool_calls: toolCalls = [] } = choice.message;
  const chunks: ChatCompletionChunk[] = [
    {
      ...base,
      choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
    },
  ];
  for (const piece of pieces(content ?? '')) {
    chunks.push({
      ...base,
      choices: [{ index: 0, delta: { content: piece }, finish_reason: null }],
    });
  }
  toolCalls.forEach((call, index) => {
    chunks.push({
      ...base,
      choices: [
        {
          index: 0,
          delta: {
            tool_calls: [
              {
                index,
                id: call.id,
                type: 'function',
                function: { name: call.function.name, arguments: '' },
              },
            ],
          },
          finish_reason: null,
        },
      ],
    });
    for (const piece of pieces(call.function.arguments)) {
      chunks.push({
        ...base,
        choices: [
          {
            index: 0,
            delta: { tool_calls: [{ index, function: { arguments: piece } }] },
            finish_reason: null,
          },
        ],
      });
    }
  });
  chunks.push({ ...base, choices: [{ index: 0, delta: {}, finish_reason: choice.finish_reason }] });
  if (includeUsage && completion.usage)
    chunks.push({ ...base, choices: [], usage: completion.usage });
  return chunks;
}
