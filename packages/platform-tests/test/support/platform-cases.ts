import { type ChatwireClient, createClient } from '@chatwire/core';
import { DEFAULT_BODY_LIMIT } from '@chatwire/core/server';
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

/** The pause between streamed chunks: a long answer then lasts seconds, a short one a blink. */
const TOKEN_DELAY_MS = 5;

/** A body of JSON text `size` bytes long, sent in pieces with no declared length. */
function streamedBody(size: number): ReadableStream<Uint8Array> {
  const piece = new TextEncoder().encode(' '.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === 0) controller.enqueue(new TextEncoder().encode('{"messages": []'));
      const length = Math.min(piece.length, size - sent);
      if (length <= 0) {
        controller.enqueue(new TextEncoder().encode('}'));
        controller.close();
        return;
      }
      controller.enqueue(piece.subarray(0, length));
      sent += length;
    },
  });
}

/**
 * The behaviours of the fetch handler a user sees on every platform, against the emulator:
 * streaming, the upstream aborted when the client leaves, and the refusals made before any
 * upstream call.
 */
export function describePlatformCases(platform: Platform): void {
  describe(`the fetch handler on ${platform.name}`, () => {
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
      });
    });

    afterAll(async () => {
      await endpoint?.close();
      await direct?.close();
      await emulator?.close();
    });

    const upstreamCalls = (traceId: string) =>
      emulator.requests.filter((request) => request.headers['x-portkey-trace-id'] === traceId);

    it("streams the upstream's answer as server-sent events ending with [DONE]", async () => {
      const { init, traceId } = chatPost({ messages: QUESTION, stream: true });
      const response = await endpoint.send(init);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/event-stream');
      expect(response.headers.get('x-portkey-trace-id')).toBe(traceId);
      const events = await readEvents(response);
      expect(events.at(-1)?.data).toBe('[DONE]');
      const answer = await direct.chat.completions.create({ model: MODEL, messages: QUESTION });
      expect(joinedContent(events)).toBe(answer.choices[0]?.message.content);
      expect(upstreamCalls(traceId)[0]?.headers['x-portkey-api-key']).toBe(SERVER_KEY);
    });

    it('aborts the upstream call when the client leaves mid-stream', async () => {
      const leave = new AbortController();
      const { init, traceId } = chatPost({ messages: LONG_QUESTION, stream: true });
      const response = await endpoint.send({ ...init, signal: leave.signal });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      expect((await reader.read()).done).toBe(false);
      leave.abort();
      await reader.cancel().catch(() => {});
      const call = await emulator.waitForRequest(
        (request) => request.headers['x-portkey-trace-id'] === traceId && request.aborted,
      );
      expect(call.aborted).toBe(true);
    });

    it('answers malformed JSON with 400 invalid_json and calls no upstream', async () => {
      const { init, traceId } = chatPost('{"messages": [');
      const response = await endpoint.send(init);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: expect.objectContaining({ code: 'invalid_json', type: 'invalid_request_error' }),
      });
      expect(upstreamCalls(traceId)).toEqual([]);
    });

    it('answers a body declared over the limit with 413 and calls no upstream', async () => {
      const { init, traceId } = chatPost(' '.repeat(DEFAULT_BODY_LIMIT + 1));
      const response = await endpoint.send(init);
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({
        error: expect.objectContaining({ code: 'request_too_large' }),
      });
      expect(upstreamCalls(traceId)).toEqual([]);
    });

    it('answers a body of no declared length with 413 once it passes the limit', async () => {
      const { init, traceId } = chatPost('');
      const response = await endpoint.send({
        ...init,
        body: streamedBody(2 * DEFAULT_BODY_LIMIT),
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({
        error: expect.objectContaining({ code: 'request_too_large' }),
      });
      expect(upstreamCalls(traceId)).toEqual([]);
    });
  });
}
