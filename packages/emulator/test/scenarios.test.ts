import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { chunksOf, eventsOf, type Loose, postChat, user } from './support/http.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

const ask = { model: 'm', messages: [user('Tell me about the sea')] };
const streamed = { ...ask, stream: true };
const scenario = (name: string, extra: Record<string, string> = {}) => ({
  'x-emulator-scenario': name,
  ...extra,
});

describe('error scenarios', () => {
  it('rate-limit answers 429 with retry-after and retry-after-ms', async () => {
    const { status, headers, json } = await postChat(
      emulator.url,
      ask,
      scenario('rate-limit', { 'x-emulator-retry-after-ms': '2500' }),
    );
    expect(status).toBe(429);
    expect(headers.get('retry-after')).toBe('3');
    expect(headers.get('retry-after-ms')).toBe('2500');
    expect(json).toMatchObject({ error: { type: 'requests', code: 'rate_limit_exceeded' } });
  });

  it('is also chosen by a model named scenario:<name>', async () => {
    expect((await postChat(emulator.url, { ...ask, model: 'scenario:server-error' })).status).toBe(
      500,
    );
  });

  it('status answers any error status', async () => {
    const { status, json } = await postChat(
      emulator.url,
      ask,
      scenario('status', { 'x-emulator-status': '401' }),
    );
    expect(status).toBe(401);
    expect(json).toMatchObject({ error: { code: 'invalid_api_key' } });
  });

  it('unavailable-then-success fails the first requests of a key, then answers', async () => {
    const headers = scenario('unavailable-then-success', {
      'x-emulator-scenario-key': `k-${Math.random()}`,
      'x-emulator-fail-count': '2',
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await postChat(emulator.url, ask, headers)).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('refuses an unknown scenario, naming the known ones', async () => {
    const { status, json } = await postChat(emulator.url, ask, scenario('nope'));
    expect(status).toBe(400);
    expect((json as Record<string, Loose>).error.message).toContain('rate-limit');
  });

  it('guardrail-deny answers 446 with hook_results', async () => {
    const { status, json } = await postChat(emulator.url, ask, scenario('guardrail-deny'));
    expect(status).toBe(446);
    expect(json).toMatchObject({
      error: { type: 'hooks_failed' },
      hook_results: { before_request_hooks: [{ verdict: false, deny: true }] },
    });
  });

  it('guardrail-warn answers 246 with the completion and hook_results', async () => {
    const { status, json } = await postChat(emulator.url, ask, scenario('guardrail-warn'));
    expect(status).toBe(246);
    expect(json).toMatchObject({
      object: 'chat.completion',
      hook_results: { before_request_hooks: [{ verdict: false }] },
    });
  });
});

describe('stream scenarios', () => {
  it('slow-first-byte still answers', async () => {
    const { status } = await postChat(
      emulator.url,
      streamed,
      scenario('slow-first-byte', { 'x-emulator-delay-ms': '30' }),
    );
    expect(status).toBe(200);
  });

  it('slow-stream streams the whole answer', async () => {
    const { text } = await postChat(
      emulator.url,
      { ...streamed, max_tokens: 3 },
      scenario('slow-stream', { 'x-emulator-delay-ms': '5' }),
    );
    expect((await eventsOf(text)).at(-1)?.data).toBe('[DONE]');
  });

  it('drop-connection destroys the socket mid-stream', async () => {
    await expect(
      postChat(
        emulator.url,
        streamed,
        scenario('drop-connection', { 'x-emulator-after-chunks': '2' }),
      ),
    ).rejects.toThrow();
    const record = await emulator.waitForRequest(
      (request) =>
        request.headers['x-emulator-scenario'] === 'drop-connection' &&
        request.closedAt !== undefined,
    );
    expect(record.aborted).toBe(false);
  });

  it('no-done finishes the choices but sends no [DONE]', async () => {
    const { text } = await postChat(emulator.url, streamed, scenario('no-done'));
    const events = await eventsOf(text);
    expect(events.some((event) => event.data === '[DONE]')).toBe(false);
    expect((await chunksOf(text)).at(-1)?.choices[0].finish_reason).toBe('stop');
  });

  it('truncated ends cleanly with neither finish_reason nor [DONE]', async () => {
    const { text } = await postChat(
      emulator.url,
      streamed,
      scenario('truncated', { 'x-emulator-after-chunks': '2' }),
    );
    const chunks = await chunksOf(text);
    expect(chunks).toHaveLength(2);
    expect(chunks.every((chunk) => chunk.choices[0].finish_reason === null)).toBe(true);
    expect(text).not.toContain('[DONE]');
  });

  it('ping sends : ping comments between chunks', async () => {
    const { text } = await postChat(emulator.url, streamed, scenario('ping'));
    expect(text).toContain(': ping\n\n');
    expect((await eventsOf(text)).at(-1)?.data).toBe('[DONE]');
  });

  it('usage-chunk sends a usage-only chunk without being asked', async () => {
    const chunks = await chunksOf(
      (await postChat(emulator.url, streamed, scenario('usage-chunk'))).text,
    );
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { total_tokens: expect.any(Number) },
    });
  });

  it('hook-results leads with a hook_results chunk', async () => {
    const chunks = await chunksOf(
      (await postChat(emulator.url, streamed, scenario('hook-results'))).text,
    );
    expect(chunks[0]).toHaveProperty('hook_results.before_request_hooks');
    expect(chunks[0]).not.toHaveProperty('choices');
  });

  it('after-done sends a chunk after [DONE]', async () => {
    const events = await eventsOf(
      (await postChat(emulator.url, streamed, scenario('after-done'))).text,
    );
    const done = events.findIndex((event) => event.data === '[DONE]');
    expect(done).toBeGreaterThan(0);
    expect(JSON.parse(events[done + 1]?.data ?? '{}')).toHaveProperty(
      'hook_results.after_request_hooks',
    );
  });

  it('error-event sends event: error mid-stream and closes', async () => {
    const events = await eventsOf(
      (
        await postChat(
          emulator.url,
          streamed,
          scenario('error-event', { 'x-emulator-after-chunks': '2' }),
        )
      ).text,
    );
    expect(events.map((event) => event.event)).toEqual(['message', 'message', 'error']);
    expect(JSON.parse(events[2]?.data ?? '{}')).toMatchObject({ error: { type: 'server_error' } });
  });

  it('guardrail-warn streams with status 246 and a leading hook_results chunk', async () => {
    const { status, text } = await postChat(emulator.url, streamed, scenario('guardrail-warn'));
    expect(status).toBe(246);
    expect((await chunksOf(text))[0]).toHaveProperty('hook_results');
  });
});
