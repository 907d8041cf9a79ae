import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatFinishInfo } from '../src/index.js';
import {
  type EmulatedChatServer,
  startEmulatedChatServer,
  TEST_SCENARIO_HEADER,
} from './chat-server.js';

/**
 * Generous against a loaded machine, yet far shorter than the rest of the slow answer (a
 * greeting of dozens of chunks, one every 400 ms), so only an abort closes the request in time.
 */
const ABORT_SEEN_WITHIN_MS = 1_000;

let chat: EmulatedChatServer;
const finished: ChatFinishInfo[] = [];

beforeAll(async () => {
  chat = await startEmulatedChatServer({
    defaultModel: 'gpt-4o-mini',
    portkeyOptions: (request) => ({
      headers: {
        'x-emulator-scenario': String(request.headers[TEST_SCENARIO_HEADER]),
        // Slow enough that an answer left to finish would run for seconds.
        'x-emulator-delay-ms': '400',
      },
    }),
    onFinish: (info) => {
      finished.push(info);
    },
  });
});

afterAll(() => chat.close());

/** Opens a streamed chat request and resolves with the response once its headers arrived. */
function openStream(scenario: string, traceId: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(`${chat.origin}/api/chat`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [TEST_SCENARIO_HEADER]: scenario,
        'x-request-id': traceId,
      },
    });
    outgoing.on('response', resolve);
    outgoing.on('error', reject);
    outgoing.end(
      JSON.stringify({ messages: [{ role: 'user', content: 'Hi there' }], stream: true }),
    );
  });
}

describe('the browser leaving', () => {
  it('aborts the upstream request mid-stream, seen by the upstream long before the answer would end', async () => {
    const response = await openStream('slow-stream', 'leave-mid-stream');
    await new Promise((resolve) => response.once('data', resolve));
    const leftAt = Date.now();
    response.destroy();
    const recorded = await chat.emulator.waitForRequest(
      (entry) =>
        entry.headers['x-portkey-trace-id'] === 'leave-mid-stream' && entry.closedAt !== undefined,
    );
    expect(recorded.aborted).toBe(true);
    expect(recorded.closedAt! - leftAt).toBeLessThan(ABORT_SEEN_WITHIN_MS);
    await expect
      .poll(() => finished.find((info) => info.traceId === 'leave-mid-stream')?.aborted)
      .toBe(true);
  });

  it('reports usage estimated with a tokenizer for an answer the browser left, which got no usage from the upstream', async () => {
    const response = await openStream('slow-stream', 'leave-for-usage');
    await new Promise((resolve) => response.once('data', resolve));
    response.destroy();
    await expect
      .poll(() => finished.find((info) => info.traceId === 'leave-for-usage'))
      .toBeDefined();
    const info = finished.find((entry) => entry.traceId === 'leave-for-usage')!;
    expect(info.aborted).toBe(true);
    expect(info.estimated).toBe(true);
    expect(info.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(info.usage?.total_tokens).toBe(
      (info.usage?.prompt_tokens ?? 0) + (info.usage?.completion_tokens ?? 0),
    );
  });

  it('aborts the upstream request while waiting for its first byte, seen by the upstream at once', async () => {
    const outgoing = httpRequest(`${chat.origin}/api/chat`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [TEST_SCENARIO_HEADER]: 'slow-first-byte',
        'x-request-id': 'leave-before-first-byte',
      },
    });
    outgoing.on('error', () => {});
    outgoing.end(
      JSON.stringify({ messages: [{ role: 'user', content: 'Hi there' }], stream: true }),
    );
    await chat.emulator.waitForRequest(
      (entry) => entry.headers['x-portkey-trace-id'] === 'leave-before-first-byte',
    );
    const leftAt = Date.now();
    outgoing.destroy();
    const recorded = await chat.emulator.waitForRequest(
      (entry) =>
        entry.headers['x-portkey-trace-id'] === 'leave-before-first-byte' &&
        entry.closedAt !== undefined,
    );
    expect(recorded.aborted).toBe(true);
    expect(recorded.closedAt! - leftAt).toBeLessThan(ABORT_SEEN_WITHIN_MS);
  });
});
