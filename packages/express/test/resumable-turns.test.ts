import { MemoryTurnStore, type TurnStore } from '@chatwire/core/server';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import { RedisTurnStore } from '@chatwire/redis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedisServer } from '../../redis/test/support/redis-server.js';
import type { ChatFinishInfo } from '../src/index.js';
import {
  answerText,
  readEvents,
  readEventsThenCut,
  startTurnServer,
  TEST_USER_HEADER,
  type TurnServer,
  turnBody,
} from './turn-servers.js';

interface Instances {
  a: TurnServer;
  b: TurnServer;
  /** The store of A. */
  store: TurnStore;
  close(): Promise<void>;
}

let emulator: Emulator;
let redis: RedisServer;
const finished: ChatFinishInfo[] = [];
const onFinish = (info: ChatFinishInfo): void => {
  finished.push(info);
};

beforeAll(async () => {
  emulator = await startEmulator();
  redis = await startRedisServer();
});

afterAll(async () => {
  await emulator.close();
  await redis.close();
});

async function instancesOn(first: TurnStore, second: TurnStore): Promise<Instances> {
  const a = await startTurnServer(emulator, first, { onFinish });
  const b = await startTurnServer(emulator, second, { onFinish });
  return {
    a,
    b,
    store: first,
    close: async () => {
      await a.close();
      await b.close();
      await first.close();
      if (second !== first) await second.close();
    },
  };
}

const stores: Array<[string, () => Promise<Instances>]> = [
  [
    'one memory store',
    () => {
      const store = new MemoryTurnStore();
      return instancesOn(store, store);
    },
  ],
  [
    'one Redis',
    () => {
      const keyPrefix = `express-test-${Date.now()}:`;
      const store = () =>
        new RedisTurnStore({ client: createClient({ url: redis.url }), keyPrefix });
      return instancesOn(store(), store());
    },
  ],
];

let keys = 0;
function freshKey(): string {
  keys += 1;
  return `key-${Date.now()}-${keys}`;
}

function post(
  origin: string,
  key: string | undefined,
  user: string,
  prompt: string,
  init: RequestInit = {},
) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [TEST_USER_HEADER]: user,
    'x-request-id': key ?? `plain-${freshKey()}`,
  };
  if (key !== undefined) headers['idempotency-key'] = key;
  return fetch(`${origin}/api/chat`, { method: 'POST', headers, body: turnBody(prompt), ...init });
}

function turnUrl(origin: string, turnId: string): string {
  return `${origin}/api/chat?turn=${encodeURIComponent(turnId)}`;
}

describe.each(stores)('resumable turns on two Express instances sharing %s', (_name, start) => {
  let servers: Instances;
  beforeAll(async () => {
    servers = await start();
  });
  afterAll(() => servers.close());

  it('resumes on B after the connection to A dropped, with the same text as an uninterrupted run', async () => {
    const prompt = 'Tell me about resumable streams';
    const uninterrupted = answerText(
      await readEvents(await post(servers.a.origin, freshKey(), 'alice', prompt)),
    );

    const controller = new AbortController();
    const first = await post(servers.a.origin, freshKey(), 'alice', prompt, {
      signal: controller.signal,
    });
    const turnId = first.headers.get('x-chatwire-turn-id')!;
    const seen = await readEventsThenCut(first, 3, controller);
    expect(seen.every((event) => event.id !== undefined)).toBe(true);

    const resumed = await fetch(turnUrl(servers.b.origin, turnId), {
      headers: { [TEST_USER_HEADER]: 'alice', 'last-event-id': seen.at(-1)!.id! },
    });
    expect(resumed.headers.get('content-type')).toContain('text/event-stream');
    const rest = await readEvents(resumed);
    expect(rest.at(-1)?.data).toBe('[DONE]');
    expect(answerText([...seen, ...rest])).toBe(uninterrupted);
  });

  it('calls the upstream once for one key POSTed twice at the same time', async () => {
    const key = freshKey();
    const [one, two] = await Promise.all([
      post(servers.a.origin, key, 'alice', 'Say hello twice'),
      post(servers.b.origin, key, 'alice', 'Say hello twice'),
    ]);
    const [first, second] = await Promise.all([readEvents(one), readEvents(two)]);
    expect(answerText(second)).toBe(answerText(first));
    expect(answerText(first).length).toBeGreaterThan(0);
    const again = await readEvents(await post(servers.b.origin, key, 'alice', 'Say hello twice'));
    expect(answerText(again)).toBe(answerText(first));
    const upstreamCalls = emulator.requests.filter(
      (entry) => entry.headers['x-portkey-trace-id'] === key,
    );
    expect(upstreamCalls).toHaveLength(1);
  });

  it('aborts the upstream call running on A within 200 ms of a stop sent to B', async () => {
    const key = freshKey();
    const response = await post(servers.a.origin, key, 'alice', 'A long story please');
    const turnId = response.headers.get('x-chatwire-turn-id')!;
    const reading = readEvents(response);
    await emulator.waitForRequest((entry) => entry.headers['x-portkey-trace-id'] === key);
    const stoppedAt = Date.now();
    const stop = await fetch(turnUrl(servers.b.origin, turnId), {
      method: 'DELETE',
      headers: { [TEST_USER_HEADER]: 'alice' },
    });
    expect(stop.status).toBe(200);
    expect(await stop.json()).toMatchObject({ id: turnId });
    const upstream = await emulator.waitForRequest(
      (entry) => entry.headers['x-portkey-trace-id'] === key && entry.closedAt !== undefined,
    );
    expect(upstream.aborted).toBe(true);
    expect(upstream.closedAt! - stoppedAt).toBeLessThan(200);
    const events = await reading;
    expect(events.at(-1)).toMatchObject({ event: 'error' });
    expect(JSON.parse(events.at(-1)!.data).error.code).toBe('turn_stopped');
    await expect
      .poll(() => finished.find((info) => info.traceId === key)?.stopReason)
      .toBe('stopped');
    expect(finished.filter((info) => info.traceId === key)).toHaveLength(1);
  });

  it('records in a stopped turn’s outcome the usage estimated from the prompt and the answer streamed so far', async () => {
    const key = freshKey();
    const controller = new AbortController();
    const response = await post(servers.a.origin, key, 'alice', 'A long story please', {
      signal: controller.signal,
    });
    const turnId = response.headers.get('x-chatwire-turn-id')!;
    await readEventsThenCut(response, 5, controller);
    const stop = await fetch(turnUrl(servers.b.origin, turnId), {
      method: 'DELETE',
      headers: { [TEST_USER_HEADER]: 'alice' },
    });
    expect(stop.status).toBe(200);
    await expect
      .poll(async () => (await servers.store.get(turnId, 'alice')).status)
      .toBe('stopped');
    const { outcome } = await servers.store.get(turnId, 'alice');
    expect(outcome?.estimated).toBe(true);
    expect(outcome?.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(outcome?.usage?.completion_tokens).toBeGreaterThan(0);
    expect(outcome?.usage?.total_tokens).toBe(
      (outcome?.usage?.prompt_tokens ?? 0) + (outcome?.usage?.completion_tokens ?? 0),
    );
  });

  it('answers another owner 404 for reading or stopping a turn, leaking nothing', async () => {
    const key = freshKey();
    const response = await post(servers.a.origin, key, 'alice', 'A private question');
    const turnId = response.headers.get('x-chatwire-turn-id')!;
    const reading = readEvents(response);
    for (const method of ['GET', 'DELETE']) {
      const refused = await fetch(turnUrl(servers.b.origin, turnId), {
        method,
        headers: { [TEST_USER_HEADER]: 'mallory' },
      });
      expect(refused.status).toBe(404);
      const body = await refused.text();
      expect(JSON.parse(body).error.code).toBe('turn_not_found');
      expect(body).not.toContain(turnId);
    }
    const theirs = await readEvents(
      await post(servers.b.origin, key, 'mallory', 'A private question'),
    );
    expect((await reading).at(-1)?.data).toBe('[DONE]');
    expect(answerText(theirs)).toBe(answerText(await reading));
    const calls = emulator.requests.filter((entry) => entry.headers['x-portkey-trace-id'] === key);
    expect(calls).toHaveLength(2);
  });

  it('serves a POST without Idempotency-Key as before: no ids, no turn', async () => {
    const response = await post(servers.a.origin, undefined, 'alice', 'Plain request');
    expect(response.headers.get('x-chatwire-turn-id')).toBeNull();
    const events = await readEvents(response);
    expect(events.at(-1)?.data).toBe('[DONE]');
    expect(events.every((event) => event.id === undefined)).toBe(true);
  });
});
