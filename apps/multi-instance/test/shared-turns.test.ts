import { type Emulator, type RecordedRequest, startEmulator } from '@chatwire/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RedisServer,
  startRedisServer,
} from '../../../packages/redis/test/support/redis-server.js';
import {
  answerText,
  chatBody,
  errorsOf,
  newOwnerCookie,
  postTurn,
  readAll,
  readThenCut,
  resumeTurn,
  startReading,
  stopTurn,
  TURN_ID_HEADER,
} from './support/chat-client.js';
import {
  type DemoEnvironment,
  type DemoProcess,
  SLOW_UPSTREAM_MODEL,
  startDemo,
} from './support/demo-process.js';

/** Short, so that a crashed server's followers are told within the test's time. */
const PRODUCER_TIMEOUT_MS = 1_000;
/** How soon a stop sent to one server must abort the upstream call running on the other. */
const STOP_REACHES_UPSTREAM_MS = 200;
/** About 1.7 s of streaming at the emulator's pace below. */
const ESSAY = 'Write a 150-word essay about lighthouses.';
/** About 6 s of streaming: still running when a test stops, kills or restarts something. */
const LONG_ESSAY = 'Write a 500-word essay about harbours.';

let redis: RedisServer;
let emulator: Emulator;
/** demo-express, the server that produces the turns. */
let a: DemoProcess;
/** demo-nest, the other instance. */
let b: DemoProcess;
/** Another demo-express, started once `a` has been killed. */
let c: DemoProcess | undefined;
/** What the servers are started with. */
let environment: DemoEnvironment;

beforeAll(async () => {
  redis = await startRedisServer();
  emulator = await startEmulator({ tokenDelayMs: 10 });
  environment = {
    upstreamUrl: emulator.url,
    redisUrl: redis.url,
    producerTimeoutMs: PRODUCER_TIMEOUT_MS,
  };
  const [express, nest] = await Promise.allSettled([
    startDemo('express', environment),
    startDemo('nest', environment),
  ]);
  // Whichever started is stopped by afterAll, also when the other did not.
  if (express.status === 'fulfilled') a = express.value;
  if (nest.status === 'fulfilled') b = nest.value;
  for (const started of [express, nest]) if (started.status === 'rejected') throw started.reason;
}, 90_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop(), c?.stop()]);
  await Promise.all([emulator?.close(), redis?.close()]);
});

/** The upstream calls made for the turn whose first answer carried `traceId`. */
function upstreamCalls(traceId: string | null): RecordedRequest[] {
  return emulator.requests.filter((call) => call.headers['x-portkey-trace-id'] === traceId);
}

function turnIdOf(response: Response): string {
  const turnId = response.headers.get(TURN_ID_HEADER);
  expect(turnId).toBeTruthy();
  return turnId as string;
}

describe('two server processes, demo-express and demo-nest, sharing one Redis', () => {
  it('a turn cut mid-answer on one server resumes on the other with the text of an uninterrupted run, byte for byte', async () => {
    const cookie = newOwnerCookie();
    const body = chatBody(ESSAY);
    const uninterrupted = postTurn(a.origin, { key: 'uninterrupted', cookie, body }).then(readAll);

    const cut = new AbortController();
    const first = await postTurn(a.origin, { key: 'cut', cookie, body, signal: cut.signal });
    expect(first.status).toBe(200);
    const turnId = turnIdOf(first);
    const traceId = first.headers.get('x-portkey-trace-id');
    const beforeCut = await readThenCut(first, 20, cut);
    const lastSeen = beforeCut.at(-1)?.id;
    expect(lastSeen).toBeTruthy();

    const resumed = await resumeTurn(b.origin, turnId, { cookie, lastEventId: lastSeen });
    expect(resumed.status).toBe(200);
    const afterCut = await readAll(resumed);

    const whole = answerText(await uninterrupted);
    expect(whole.length).toBeGreaterThan(400);
    expect(afterCut.length).toBeGreaterThan(20);
    expect(answerText([...beforeCut, ...afterCut])).toBe(whole);
    expect(errorsOf(afterCut)).toEqual([]);
    expect(afterCut.at(-1)?.data).toBe('[DONE]');
    // No gap and no repeat: the two parts are the turn as a reader from its start gets it.
    const replay = await readAll(await resumeTurn(a.origin, turnId, { cookie }));
    expect([...beforeCut, ...afterCut].map((event) => event.id)).toEqual(
      replay.map((event) => event.id),
    );
    // The client leaving did not stop the answer, nor start it again.
    expect(upstreamCalls(traceId)).toHaveLength(1);
    expect(upstreamCalls(traceId)[0]?.aborted).toBe(false);
  });

  it('the same key posted to both servers at once makes exactly one upstream request, and both get the answer', async () => {
    const cookie = newOwnerCookie();
    const prompt = `${ESSAY} (posted twice)`;
    const body = chatBody(prompt);
    const [onA, onB] = await Promise.all([
      postTurn(a.origin, { key: 'double-click', cookie, body }),
      postTurn(b.origin, { key: 'double-click', cookie, body }),
    ]);
    expect([onA.status, onB.status]).toEqual([200, 200]);
    expect(turnIdOf(onA)).toBe(turnIdOf(onB));
    const [eventsA, eventsB] = await Promise.all([readAll(onA), readAll(onB)]);
    expect(answerText(eventsA).length).toBeGreaterThan(400);
    expect(answerText(eventsB)).toBe(answerText(eventsA));
    const calls = emulator.requests.filter((call) => call.body.includes(prompt));
    expect(calls).toHaveLength(1);
  });

  it('another owner can neither read nor stop a turn: 404 as for an unknown turn, and nothing of it leaks', async () => {
    const cookie = newOwnerCookie();
    const response = await postTurn(a.origin, { key: 'private', cookie, body: chatBody(ESSAY) });
    const turnId = turnIdOf(response);
    const traceId = response.headers.get('x-portkey-trace-id');
    const reading = startReading(response);
    await reading.reached(3);

    const stranger = newOwnerCookie();
    const unknown = await resumeTurn(b.origin, crypto.randomUUID(), { cookie: stranger });
    const unknownBody = await unknown.text();
    for (const server of [a, b]) {
      const read = await resumeTurn(server.origin, turnId, {
        cookie: stranger,
        lastEventId: '0-0',
      });
      expect(read.status).toBe(404);
      expect(read.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await read.text()).toBe(unknownBody);
      const stop = await stopTurn(server.origin, turnId, stranger);
      expect(stop.status).toBe(404);
      expect(await stop.text()).toBe(unknownBody);
    }
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknownBody)).toMatchObject({ error: { code: 'turn_not_found' } });

    const events = await reading.done;
    expect(errorsOf(events)).toEqual([]);
    expect(events.at(-1)?.data).toBe('[DONE]');
    expect(unknownBody).not.toContain(answerText(events).slice(0, 20));
    expect(upstreamCalls(traceId)[0]?.aborted).toBe(false);
  });

  it('a stop sent to one server aborts the upstream call running on the other within 200 ms', async () => {
    const cookie = newOwnerCookie();
    const response = await postTurn(a.origin, {
      key: 'to-stop',
      cookie,
      body: chatBody(LONG_ESSAY),
    });
    const turnId = turnIdOf(response);
    const traceId = response.headers.get('x-portkey-trace-id');
    const reading = startReading(response);
    await reading.reached(5);

    const stoppedAt = Date.now();
    const stop = await stopTurn(b.origin, turnId, cookie);
    expect(stop.status).toBe(200);
    expect(await stop.json()).toMatchObject({ id: turnId });
    const call = await emulator.waitForRequest(
      (entry) => entry.headers['x-portkey-trace-id'] === traceId && entry.closedAt !== undefined,
    );
    expect(call.aborted).toBe(true);
    expect((call.closedAt as number) - stoppedAt).toBeLessThan(STOP_REACHES_UPSTREAM_MS);

    const events = await reading.done;
    expect(errorsOf(events).map((error) => error.code)).toEqual(['turn_stopped']);
    const stopped = await readAll(await resumeTurn(b.origin, turnId, { cookie }));
    expect(answerText(stopped)).toBe(answerText(events));
  });

  it('Redis restarting mid-turn ends both servers’ clients with a clear error, and both serve the next turn', async () => {
    const cookie = newOwnerCookie();
    const response = await postTurn(a.origin, {
      key: 'restart',
      cookie,
      body: chatBody(LONG_ESSAY),
    });
    const turnId = turnIdOf(response);
    const traceId = response.headers.get('x-portkey-trace-id');
    const onA = startReading(response);
    const onB = startReading(await resumeTurn(b.origin, turnId, { cookie }));
    await Promise.all([onA.reached(5), onB.reached(5)]);

    const restartedAt = performance.now();
    await redis.restart();
    const [eventsA, eventsB] = await Promise.all([onA.done, onB.done]);
    expect(performance.now() - restartedAt).toBeLessThan(6_000);
    for (const events of [eventsA, eventsB]) {
      expect(errorsOf(events).map((error) => error.code)).toEqual(['turn_store_unavailable']);
    }
    // The turn cannot go on without its record: its upstream call is not left running.
    const call = await emulator.waitForRequest(
      (entry) => entry.headers['x-portkey-trace-id'] === traceId && entry.closedAt !== undefined,
    );
    expect(call.aborted).toBe(true);
    expect(a.exited() || b.exited()).toBe(false);

    for (const [server, key] of [
      [a, 'after-restart-a'],
      [b, 'after-restart-b'],
    ] as const) {
      const next = await postTurn(server.origin, { key, cookie, body: chatBody(ESSAY) });
      expect(next.status).toBe(200);
      const events = await readAll(next);
      expect(errorsOf(events)).toEqual([]);
      expect(events.at(-1)?.data).toBe('[DONE]');
    }
  });

  it('an upstream slower to answer than the producer timeout does not get its turn taken for lost by a client attached on the other server', async () => {
    const cookie = newOwnerCookie();
    const prompt = 'Hello from a slow upstream';
    const body = JSON.stringify({
      model: SLOW_UPSTREAM_MODEL,
      messages: [{ role: 'user', content: prompt }],
      stream: true,
    });
    const onA = postTurn(a.origin, { key: 'slow-upstream', cookie, body });
    await emulator.waitForRequest((call) => call.body.includes(prompt));
    const onB = await postTurn(b.origin, { key: 'slow-upstream', cookie, body });
    expect(onB.status).toBe(200);
    const [eventsA, eventsB] = await Promise.all([onA.then(readAll), readAll(onB)]);
    for (const events of [eventsA, eventsB]) {
      expect(errorsOf(events)).toEqual([]);
      expect(events.at(-1)?.data).toBe('[DONE]');
    }
    expect(answerText(eventsB)).toBe(answerText(eventsA));
    expect(answerText(eventsA).length).toBeGreaterThan(0);
  });

  it('a follower on one server gets the partial answer and a producer_lost error when the other server is killed mid-answer', async () => {
    const cookie = newOwnerCookie();
    const body = chatBody(LONG_ESSAY);
    const reference = postTurn(b.origin, { key: 'reference', cookie, body }).then(readAll);
    const response = await postTurn(a.origin, { key: 'crash', cookie, body });
    const turnId = turnIdOf(response);
    // This client leaves; the turn goes on, followed from the other server.
    await response.body?.cancel();
    const follower = startReading(await resumeTurn(b.origin, turnId, { cookie }));
    await follower.reached(30);

    const killedAt = performance.now();
    await a.crash();
    const events = await follower.done;
    const noticedAfterMs = performance.now() - killedAt;

    expect(errorsOf(events)).toEqual([
      { code: 'producer_lost', message: expect.stringMatching(/truncated/) },
    ]);
    // The producer's last sign of life expires after the timeout, and the follower's next
    // quiet read (a third of it at most) notices.
    expect(noticedAfterMs).toBeLessThan(PRODUCER_TIMEOUT_MS * 2);
    const partial = answerText(events);
    const whole = answerText(await reference);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(whole.length);
    expect(whole.startsWith(partial)).toBe(true);
    expect(b.exited()).toBe(false);
  });
  it('a server stopped with SIGTERM mid-answer exits at once, and a follower on another server gets the partial answer and a store_closed error', async () => {
    c = await startDemo('express', environment);
    const cookie = newOwnerCookie();
    const response = await postTurn(b.origin, {
      key: 'shutdown',
      cookie,
      body: chatBody(LONG_ESSAY),
    });
    const turnId = turnIdOf(response);
    await response.body?.cancel();
    const follower = startReading(await resumeTurn(c.origin, turnId, { cookie }));
    await follower.reached(30);

    const stoppedAt = performance.now();
    const exited = b.stop();
    const events = await follower.done;
    expect(performance.now() - stoppedAt).toBeLessThan(PRODUCER_TIMEOUT_MS);
    expect(errorsOf(events).map((error) => error.code)).toEqual(['store_closed']);
    expect(answerText(events).length).toBeGreaterThan(0);
    await exited;
    // Stopped within its grace period: stop() kills what has not exited within 5 s.
    expect(performance.now() - stoppedAt).toBeLessThan(5_000);
  }, 60_000);
});
