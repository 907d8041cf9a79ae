import { APIError } from '../errors/api-errors.js';
import type { ServerSentEvent } from '../sse/server-sent-event.js';
import type { ChatCompletionChunk } from '../types/index.js';

/**
 * What one event of an answer stream means: `'done'` for `[DONE]`, the chunk it carries, or
 * `undefined` for a payload that is none (not a JSON object, or Portkey's leading chunk with
 * only the guardrails' `hook_results`). Throws the `APIError` of an error event or payload.
 */
export function readAnswerEvent(
  event: ServerSentEvent,
  headers: Headers,
): ChatCompletionChunk | 'done' | undefined {
  if (event.event === 'error') {
    throw APIError.generate(undefined, parseJSON(event.data), undefined, headers);
  }
  if (event.data === '[DONE]') return 'done';
  const payload = parseJSON(event.data);
  if (payload === null || typeof payload !== 'object') return undefined;
  const data = payload as Record<string, unknown>;
  if (Array.isArray(data.choices)) return data as unknown as ChatCompletionChunk;
  if (data.error !== undefined) throw APIError.generate(undefined, data, undefined, headers);
  if (data.hook_results !== undefined) return undefined;
  return { ...data, choices: [] } as unknown as ChatCompletionChunk;
}

/** The JSON value of `text`, or `text` itself when it is not JSON. */
export function parseJSON(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
