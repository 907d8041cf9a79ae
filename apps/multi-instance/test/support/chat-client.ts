import { randomBytes } from 'node:crypto';
import { decodeSSE, type ServerSentEvent } from '@chatwire/core';
import { OWNER_COOKIE_NAME } from '@chatwire/core/server';

/** The header every answer of a recorded turn names its turn in. */
export const TURN_ID_HEADER = 'x-chatwire-turn-id';

/** The cookie of a new browser: the owner of the turns it starts. */
export function newOwnerCookie(): string {
  return `${OWNER_COOKIE_NAME}=${randomBytes(18).toString('base64url')}`;
}

/** The body of a streamed chat request asking for `prompt`. */
export function chatBody(prompt: string): string {
  return JSON.stringify({ messages: [{ role: 'user', content: prompt }], stream: true });
}

/** Posts a streamed turn with an idempotency key, as the hook does. */
export function postTurn(
  origin: string,
  init: { key: string; cookie: string; body: string; signal?: AbortSignal },
): Promise<Response> {
  return fetch(`${origin}/api/chat`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': init.key,
      cookie: init.cookie,
    },
    body: init.body,
    signal: init.signal,
  });
}

/** Resumes a turn just after `lastEventId` (from its start without one). */
export function resumeTurn(
  origin: string,
  turnId: string,
  init: { cookie: string; lastEventId?: string; signal?: AbortSignal },
): Promise<Response> {
  const headers: Record<string, string> = { cookie: init.cookie };
  if (init.lastEventId !== undefined) headers['last-event-id'] = init.lastEventId;
  return fetch(`${origin}/api/chat?turn=${encodeURIComponent(turnId)}`, {
    headers,
    signal: init.signal,
  });
}

/** Asks any instance to stop a turn. */
export function stopTurn(origin: string, turnId: string, cookie: string): Promise<Response> {
  return fetch(`${origin}/api/chat?turn=${encodeURIComponent(turnId)}`, {
    method: 'DELETE',
    headers: { cookie },
  });
}

/** Every event of an SSE answer, until the server ends it. */
export async function readAll(response: Response): Promise<ServerSentEvent[]> {
  return startReading(response).done;
}

/** An SSE answer being read: the events so far, and the whole once the server ends it. */
export interface Reading {
  readonly events: readonly ServerSentEvent[];
  /** Every event, once the server has ended the answer (or the connection broke). */
  readonly done: Promise<ServerSentEvent[]>;
  /** Resolves once `count` events have arrived; rejects if the answer ends before. */
  reached(count: number): Promise<void>;
}

/** Reads an SSE answer in the background. */
export function startReading(response: Response): Reading {
  const events: ServerSentEvent[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  const wake = () => {
    for (const waiter of [...waiters]) waiter();
  };
  const done = (async () => {
    if (response.body === null) throw new Error(`no body (status ${response.status})`);
    try {
      for await (const event of decodeSSE(response.body)) {
        events.push(event);
        wake();
      }
    } finally {
      ended = true;
      wake();
    }
    return events;
  })();
  done.catch(() => {});
  const reached = (count: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (events.length >= count) resolve();
        else if (ended) reject(new Error(`the answer ended after ${events.length} events`));
        else return;
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  return { events, done, reached };
}

/**
 * The events of an SSE answer until `count` have arrived; then the connection is cut, as a
 * network drop would.
 */
export async function readThenCut(
  response: Response,
  count: number,
  cut: AbortController,
): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  if (response.body === null) throw new Error(`no body (status ${response.status})`);
  try {
    for await (const event of decodeSSE(response.body)) {
      events.push(event);
      if (events.length === count) {
        cut.abort();
        break;
      }
    }
  } catch (error) {
    if (!cut.signal.aborted) throw error;
  }
  return events;
}

/** The answer's text: the content deltas of its chunks, in order. */
export function answerText(events: readonly ServerSentEvent[]): string {
  let text = '';
  for (const { event, data } of events) {
    if (event !== 'message' || data === '[DONE]') continue;
    const chunk = JSON.parse(data) as { choices?: { delta?: { content?: string | null } }[] };
    text += chunk.choices?.[0]?.delta?.content ?? '';
  }
  return text;
}

interface ErrorBody {
  code: string;
  message: string;
}

/** The error events of an answer, as `{ code, message }`. */
export function errorsOf(events: readonly ServerSentEvent[]): ErrorBody[] {
  return events
    .filter((event) => event.event === 'error')
    .map((event) => {
      const { code, message } = (JSON.parse(event.data) as { error: ErrorBody }).error;
      return { code, message };
    });
}
