import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ChatwireClient, runTools, type ToolLoopBody } from '@chatwire/core';
import {
  applyChatPolicy,
  readJsonBody,
  requestScope,
  resolveChatPolicy,
  toErrorResponse,
  writeErrorResponse,
} from '@chatwire/core/server';
import { getWeather } from './weather-tool.js';

/** Settings of the weather chat endpoint. */
export interface WeatherChatOptions {
  client: ChatwireClient;
  model: string;
  /** Called with the trace id of each finished turn. */
  onTurn: (traceId: string, summary: string) => void;
}

/**
 * `POST /api/weather-chat`: the same request body as `/api/chat`, but the model may call a
 * weather tool that runs here, on the server, through chatwire's tool loop. The answer is the
 * final `ChatCompletion` as JSON (not streamed: the tool rounds happen before it).
 *
 * It reuses the pieces of `@chatwire/core/server` that the chat middleware is built from:
 * body reading, validation and policy, the request's trace id and abort signal, and
 * OpenAI-shaped errors.
 */
export function weatherChatRoute(options: WeatherChatOptions) {
  // The browser chooses only the temperature: tools and streaming are the server's business.
  const policy = resolveChatPolicy({
    defaultModel: options.model,
    allowedParameters: ['temperature'],
    maxMessages: 50,
  });
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { traceId, signal } = requestScope(request, response);
    response.setHeader('x-portkey-trace-id', traceId);
    try {
      const body = (await applyChatPolicy(
        policy,
        await readJsonBody(request, { limit: 256 * 1024 }),
        request,
      )) as unknown as ToolLoopBody;
      const calls: string[] = [];
      const { completion } = await runTools(options.client, body, {
        tools: [getWeather],
        maxRounds: 4,
        traceId,
        spanName: 'weather-chat',
        signal,
        onToolCall: ({ toolCall }) =>
          calls.push(`${toolCall.function.name}${toolCall.function.arguments}`),
      });
      const json = JSON.stringify(completion);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(json);
      options.onTurn(traceId, calls.length > 0 ? `tools: ${calls.join(', ')}` : 'no tool calls');
    } catch (error) {
      if (!signal.aborted) writeErrorResponse(response, toErrorResponse(error));
    }
  };
}
