import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChatwireClient } from '@chatwire/core';
import {
  ChatRequestError,
  readJsonBody,
  requestScope,
  toErrorResponse,
  writeErrorResponse,
} from '@chatwire/core/server';

/** Settings of the summary endpoint. */
export interface SummarizeOptions {
  client: ChatwireClient;
  model: string;
  /** Called with the trace id of each summary. */
  onSummary: (traceId: string) => void;
}

/** The answer of `POST /api/summarize`. */
export interface Summary {
  summary: string;
  /** The trace id the request was logged under in Portkey. */
  traceId: string | null;
}

const MAX_TEXT_LENGTH = 20_000;

function readText(body: unknown): string {
  const text = (body as { text?: unknown } | null)?.text;
  if (typeof text !== 'string' || text.trim() === '') {
    throw new ChatRequestError({
      status: 400,
      message: "'text' must be a non-empty string.",
      param: 'text',
    });
  }
  if (text.length > MAX_TEXT_LENGTH) {
    throw new ChatRequestError({
      status: 400,
      message: `'text' may have at most ${MAX_TEXT_LENGTH} characters.`,
      param: 'text',
    });
  }
  return text;
}

/**
 * `POST /api/summarize { text }` → `{ summary, traceId }`: one non-streamed chat completion
 * made by the server with a prompt of its own, the way an API uses a model behind a plain
 * JSON endpoint. Refusals and upstream failures use the chat endpoint's error shape.
 */
export function summarizeRoute(options: SummarizeOptions) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { traceId, signal } = requestScope(request, response);
    try {
      const text = readText(await readJsonBody(request, { limit: 128 * 1024 }));
      const completion = await options.client.chat.completions.create(
        {
          model: options.model,
          max_tokens: 300,
          messages: [
            { role: 'system', content: 'Summarize the text in two sentences at most.' },
            { role: 'user', content: text },
          ],
        },
        { traceId, spanName: 'summarize', signal },
      );
      const summary: Summary = {
        summary: completion.choices[0]?.message.content ?? '',
        traceId: completion.meta.traceId,
      };
      if (summary.traceId !== null) response.setHeader('x-portkey-trace-id', summary.traceId);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(summary));
      options.onSummary(summary.traceId ?? '(none)');
    } catch (error) {
      if (!signal.aborted) writeErrorResponse(response, toErrorResponse(error));
    }
  };
}
