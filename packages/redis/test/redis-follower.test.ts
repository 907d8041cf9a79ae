import { type TurnEntry, TurnStoreUnavailableError } from '@chatwire/core/server';
import { describe, expect, it, onTestFinished } from 'vitest';
import { collect, dataOf } from '../../core/test/support/turn-store-contract.js';
import { startReplyGate } from './support/reply-gate.js';
import { storeOn, testRedis } from './support/test-redis.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The rest of `entries`, read in the background; fails rather than hang. */
function rest(entries: AsyncIterator<TurnEntry>): Promise<TurnEntry[]> {
  return collect({ [Symbol.asyncIterator]: () => entries });
}

describe('Redis turn store followers', () => {
  it('a follower whose quiet read is answered late still gets the events appended before the turn ended', async () => {
    const { server } = await testRedis();
    const gate = await startReplyGate(server.port);
    onTestFinished(() => gate.close());
    // A follower's blocking read waits a third of this, at most 1 s, before it looks at the turn.
    const options = { producerTimeoutMs: 6_000 };
    const producing = storeOn(server.url, options);
    const following = storeOn(gate.url, options);
    const { turn, producer } = await producing.create({ owner: 'alice', key: 'k' });
    if (producer === undefined) throw new Error('expected to create the turn');
    await producer.append('a');

    const entries = (await following.follow(turn.id, 'alice'))[Symbol.asyncIterator]();
    expect(await entries.next()).toMatchObject({ value: { type: 'event', data: 'a' } });
    const remaining = rest(entries);
    // Past one quiet read, so the follower is waiting in the next one.
    await sleep(1_200);
    gate.hold();
    // That read's empty answer is on its way back when the turn gets its last events and ends.
    await gate.heldReply(3_000);
    await producer.append('b');
    await producer.append('c');
    await producer.finish({ status: 'completed' });
    gate.release();

    const ended = await remaining;
    expect(dataOf(ended)).toEqual(['b', 'c']);
    expect(ended.at(-1)).toMatchObject({ type: 'end', status: 'completed' });
  });

  it('a hundred resumes one after another reuse a few connections to Redis, not one each', async () => {
    const { server, admin } = await testRedis();
    const store = storeOn(server.url);
    const { turn, producer } = await store.create({ owner: 'alice', key: 'k' });
    await producer?.append('a');
    const following = collect(await store.follow(turn.id, 'alice'));
    await sleep(50);
    const before = await connectionsReceived(admin);
    for (let index = 0; index < 100; index++) {
      const controller = new AbortController();
      const resumed = await store.follow(turn.id, 'alice', { signal: controller.signal });
      const entries = resumed[Symbol.asyncIterator]();
      expect(await entries.next()).toMatchObject({ value: { type: 'event', data: 'a' } });
      // The client leaves while its follower waits for the next event.
      const left = entries.next();
      await sleep(10);
      controller.abort();
      expect(await left).toMatchObject({ done: true });
    }
    await producer?.finish({ status: 'completed' });
    expect(dataOf(await following)).toEqual(['a']);
    expect((await connectionsReceived(admin)) - before).toBeLessThanOrEqual(10);
  });
  it('five hundred followers waiting at once on another instance share one connection, and each gets its turn whole', async () => {
    const { server, admin } = await testRedis();
    const producing = storeOn(server.url);
    const following = storeOn(server.url);
    const turns = await Promise.all(
      Array.from({ length: 50 }, async (_, index) => {
        const { turn, producer } = await producing.create({ owner: 'alice', key: `k${index}` });
        await producer?.append('first');
        return { turnId: turn.id, producer };
      }),
    );
    // Connects the following store before counting.
    await following.get(turns[0]!.turnId, 'alice');
    const before = await connectionsReceived(admin);
    const followers = turns.flatMap(({ turnId }) =>
      Array.from({ length: 10 }, async () =>
        dataOf(await collect(await following.follow(turnId, 'alice'))),
      ),
    );
    await sleep(200);
    await Promise.all(
      turns.map(async ({ producer }, index) => {
        await producer?.append(`second of ${index}`);
        await producer?.finish({ status: 'completed' });
      }),
    );
    const answers = await Promise.all(followers);
    expect(answers).toEqual(
      turns.flatMap((_, index) => Array(10).fill(['first', `second of ${index}`])),
    );
    expect((await connectionsReceived(admin)) - before).toBeLessThanOrEqual(2);
  });

  it('a follower on the producing instance ends with a clear error when Redis restarts mid-turn', async () => {
    const { server } = await testRedis();
    const store = storeOn(server.url);
    const { turn, producer } = await store.create({ owner: 'alice', key: 'k' });
    await producer?.append('before the restart');
    const entries: TurnEntry[] = [];
    const failure = (async () => {
      for await (const entry of await store.follow(turn.id, 'alice')) entries.push(entry);
    })().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    await sleep(100);
    await server.restart();
    // The producer learns it at its next event: Redis lost the turn.
    await producer?.append('after the restart').catch(() => {});
    const error = await failure;
    expect(TurnStoreUnavailableError.isInstance(error)).toBe(true);
    expect(dataOf(entries)).toEqual(['before the restart']);
  });
});

async function connectionsReceived(admin: { info(section: string): Promise<string> }) {
  const stats = await admin.info('stats');
  return Number(/total_connections_received:(\d+)/.exec(stats)?.[1]);
}
