import { decodeSSE, type ServerSentEvent } from '@chatwire/core';

/** A JSON value read loosely: tests assert on answer fields without declaring every shape. */
// biome-ignore lint/suspicious/noExplicitAny: test assertions walk arbitrary answer bodies
export type Loose = any;

/** A finished exchange with the emulator, body read. */
export interface Exchange {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** Posts a chat completions body and reads the whole answer. */
export async function postChat(
  baseUrl: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Exchange> {
  const response = await fetch(`${baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Decodes an event-stream body into its events. */
export async function eventsOf(text: string): Promise<ServerSentEvent[]> {
  const bytes = new TextEncoder().encode(text);
  const events: ServerSentEvent[] = [];
  for await (const event of decodeSSE(
    (async function* () {
      yield bytes;
    })(),
  )) {
    events.push(event);
  }
  return events;
}

/** The JSON payloads of the `message` events before `[DONE]`. */
export async function chunksOf(text: string): Promise<Array<Record<string, Loose>>> {
  const events = await eventsOf(text);
  const done = events.findIndex((event) => event.data === '[DONE]');
  return events
    .slice(0, done < 0 ? undefined : done)
    .filter((event) => event.event === 'message')
    .map((event) => JSON.parse(event.data));
}

/** A user message. */
export function user(content: string): { role: 'user'; content: string } {
  return { role: 'user', content };
}
