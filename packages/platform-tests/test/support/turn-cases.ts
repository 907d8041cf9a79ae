import { type ChatwireClient, createClient, decodeSSE, type ServerSentEvent } from '@chatwire/core';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chatPost,
  joinedContent,
  LONG_QUESTION,
  MODEL,
  QUESTION,
  readEvents,
  SERVER_KEY,
} from './chat-requests.js';
import type { Platform, RunningEndpoint } from './platforms.js';

const TOKEN_DELAY_MS = 5;

/** The first `count` events of a stream, then the reader lets go (the client leaves). */
async function firstEvents(response: Response, count: number): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of decodeSSE(response.body!)) {
    events.push(event);
    if (events.length === count) break;
  }
  return events;
}

/** The owner cookie the handler set, as a `Cookie` header value. */
function ownerCookie(response: Response): string {
  const cookie = response.headers.getSetCookie()[0];
  if (cookie === undefined) throw new Error('The answer set no owner cookie.');
  return cookie.split(';', 1)[0]!;
}

/**
 * Resumable turns through the fetch handler with a memory turn store: a POST with an
 * `Idempotency-Key` records its turn, GET resumes it after `Last-Event-ID`, DELETE stops it.
 */
export function describeTurnCases(platform: Platform): void {
  describe(`resumable turns through the fetch handler on ${platform.name}`, () => {
    let emulator: Emulator;
    let endpoint: RunningEndpoint;
    let direct: ChatwireClient;

    beforeAll(async () => {
      emulator = await startEmulator({ tokenDelayMs: TOKEN_DELAY_MS });
      direct = createClient({ baseURL: emulator.url, apiKey: SERVER_KEY, maxRetries: 0 });
      endpoint = await platform.start({
        baseURL: emulator.url,
        apiKey: SERVER_KEY,
        defaultModel: MODEL,
        turns: 'memory',
      });
    });

    afterAll(async () => {
      await endpoint?.close();
      await direct?.close();
      await emulator?.close();
    });

    const upstreamCalls = (traceId: string) =>
      emulator.requests.filter((request) => request.headers['x-portkey-trace-id'] === traceId);
    const ofTurn = (turnId: string | null) => `?turn=${encodeURIComponent(turnId ?? '')}`;

    it('resumes a turn after Last-Event-ID with the rest of the answer, its creator gone', async () => {
      const created = chatPost(
        { messages: QUESTION, stream: true },
        { 'idempotency-key': 'resume-1' },
      );
      const response = await endpoint.send(created.init);
      expect(response.status).toBe(200);
      const turnId = response.headers.get('x-chatwire-turn-id');
      expect(turnId).not.toBeNull();
      const cookie = ownerCookie(response);
      const before = await firstEvents(response, 3);
      expect(before.map((event) => event.id)).toEqual(['1', '2', '3']);

      const resumed = await endpoint.send(
        { headers: { cookie, 'last-event-id': '3' } },
        ofTurn(turnId),
      );
      expect(resumed.status).toBe(200);
      const after = await readEvents(resumed);
      expect(after[0]?.id).toBe('4');
      expect(after.at(-1)?.data).toBe('[DONE]');
      const answer = await direct.chat.completions.create({ model: MODEL, messages: QUESTION });
      expect(joinedContent([...before, ...after])).toBe(answer.choices[0]?.message.content);
      expect(upstreamCalls(created.traceId)).toHaveLength(1);
    });

    it('answers a second POST of the same key from the same turn, calling the upstream once', async () => {
      const first = chatPost({ messages: QUESTION, stream: true }, { 'idempotency-key': 'twice' });
      const firstResponse = await endpoint.send(first.init);
      const cookie = ownerCookie(firstResponse);
      const firstEvents = await readEvents(firstResponse);
      const again = chatPost(
        { messages: QUESTION, stream: true },
        { 'idempotency-key': 'twice', cookie },
      );
      const againResponse = await endpoint.send(again.init);
      expect(againResponse.headers.get('x-chatwire-turn-id')).toBe(
        firstResponse.headers.get('x-chatwire-turn-id'),
      );
      expect(await readEvents(againResponse)).toEqual(firstEvents);
      expect(upstreamCalls(first.traceId)).toHaveLength(1);
      expect(upstreamCalls(again.traceId)).toEqual([]);
    });

    it('stops a running turn with DELETE, ending its stream and aborting the upstream', async () => {
      const created = chatPost(
        { messages: LONG_QUESTION, stream: true },
        { 'idempotency-key': 'stop-1' },
      );
      const response = await endpoint.send(created.init);
      const turnId = response.headers.get('x-chatwire-turn-id');
      const cookie = ownerCookie(response);
      const reader = response.body!.getReader();
      expect((await reader.read()).done).toBe(false);
      reader.releaseLock();

      const stopped = await endpoint.send(
        { method: 'DELETE', headers: { cookie } },
        ofTurn(turnId),
      );
      expect(stopped.status).toBe(200);
      expect(await stopped.json()).toMatchObject({ id: turnId });
      const rest = await readEvents(response);
      const last = rest.at(-1)!;
      expect(last.event).toBe('error');
      expect(JSON.parse(last.data).error.code).toBe('turn_stopped');
      const call = await emulator.waitForRequest(
        (request) => request.headers['x-portkey-trace-id'] === created.traceId && request.aborted,
      );
      expect(call.aborted).toBe(true);
    });

    it("answers 404 to a resume without the owner's cookie", async () => {
      const created = chatPost({ messages: QUESTION, stream: true }, { 'idempotency-key': 'mine' });
      const response = await endpoint.send(created.init);
      await readEvents(response);
      const stranger = await endpoint.send({}, ofTurn(response.headers.get('x-chatwire-turn-id')));
      expect(stranger.status).toBe(404);
      expect((await stranger.json()).error.code).toBe('turn_not_found');
    });
  });
}
