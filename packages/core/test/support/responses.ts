import type { ServerResponse } from 'node:http';

/** One `data:` event of a chat completion stream carrying `value` as JSON. */
export function dataEvent(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

/** Answers with `body` as JSON. */
export function sendJSON(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(text);
}

/** Answers 200 with an event stream of `events`, each already framed. */
export function sendStream(
  response: ServerResponse,
  events: string[],
  headers: Record<string, string> = {},
): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', ...headers });
  for (const event of events) response.write(event);
  response.end();
}
