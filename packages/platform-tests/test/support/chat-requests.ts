import { randomUUID } from 'node:crypto';
import {
  type ChatCompletionChunk,
  type ChatCompletionMessageParam,
  decodeSSE,
  type ServerSentEvent,
} from '@chatwire/core';

/** The model the endpoints fill in; the emulator answers any. */
export const MODEL = 'gpt-4o-mini';

/** The server's key: the only one the upstream may see. */
export const SERVER_KEY = 'platform-server-key';

/** A question with a short answer. */
export const QUESTION: ChatCompletionMessageParam[] = [
  { role: 'user', content: 'What is the tallest mountain on Earth?' },
];

/** A question whose streamed answer takes a while at the emulator's pace. */
export const LONG_QUESTION: ChatCompletionMessageParam[] = [
  { role: 'user', content: 'Write a 500-word essay about the sea.' },
];

/** A chat POST with a fresh trace id in `x-request-id`, which the upstream call carries too. */
export function chatPost(
  body: object | string,
  headers: Record<string, string> = {},
): { init: RequestInit; traceId: string } {
  const traceId = `platform-${randomUUID()}`;
  return {
    traceId,
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': traceId, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
  };
}

/** Every event of a streamed answer. */
export async function readEvents(response: Response): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of decodeSSE(response.body!)) events.push(event);
  return events;
}

/** The content deltas of a stream's chunk events, joined. */
export function joinedContent(events: readonly ServerSentEvent[]): string {
  return events
    .filter((event) => event.event === 'message' && event.data !== '[DONE]')
    .map((event) => (JSON.parse(event.data) as ChatCompletionChunk).choices[0]?.delta.content)
    .join('');
}
