import { TurnStoreUnavailableError } from '@chatwire/core/server';
import { createClient } from 'redis';
import { describe, expect, it, onTestFinished } from 'vitest';
import { collect, dataOf } from '../../core/test/support/turn-store-contract.js';
import { RedisTurnStore } from '../src/index.js';
import { storeOn, testRedis } from './support/test-redis.js';

describe('Redis turn store', () => {
  it('1,000 finished turns leave keys with a time to live, and none once it has passed', async () => {
    const { server, admin } = await testRedis();
    const store = storeOn(server.url, { ttlMs: 3_000 });
    await Promise.all(
      Array.from({ length: 1000 }, async (_, index) => {
        const { producer } = await store.create({ owner: 'alice', key: `key-${index}` });
        await producer?.append('x'.repeat(200));
        await producer?.finish({ status: 'completed' });
      }),
    );
    // Per turn: its hash, its events and its idempotency key; the liveness key is gone.
    const keys = await admin.keys('*');
    expect(keys).toHaveLength(3000);
    const ttls = await Promise.all(keys.map((key) => admin.pTTL(key)));
    expect(ttls.filter((ttl) => ttl <= 0 || ttl > 3_000)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 3_300));
    expect(await admin.dbSize()).toBe(0);
  });

  it('a running turn keeps no key without a time to live', async () => {
    const { server, admin } = await testRedis();
    const store = storeOn(server.url);
    const { producer } = await store.create({ owner: 'alice', key: 'k' });
    await producer?.append('a');
    const keys = await admin.keys('*');
    expect(keys).toHaveLength(4);
    for (const key of keys) expect(await admin.pTTL(key)).toBeGreaterThan(0);
  });

  it('a hundred appends send each script to Redis once, then call it by its SHA-1', async () => {
    const { server, admin } = await testRedis();
    const store = storeOn(server.url);
    const { producer } = await store.create({ owner: 'alice', key: 'k' });
    for (let index = 0; index < 100; index++) await producer?.append(`event ${index}`);
    await producer?.finish({ status: 'completed' });
    const stats = await admin.info('commandstats');
    const calls = (command: string) =>
      Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(stats)?.[1] ?? 0);
    // The create, the appends and the finish: three scripts, each sent once.
    expect(calls('eval')).toBe(3);
    expect(calls('evalsha')).toBe(102);
  });

  it('Redis restarting mid-follow ends the follower with a clear error, and the next turn works', async () => {
    const { server } = await testRedis();
    const producing = storeOn(server.url);
    const following = storeOn(server.url);
    const { turn, producer } = await producing.create({ owner: 'alice', key: 'k' });
    await producer?.append('before the restart');
    const entries: unknown[] = [];
    const failure = (async () => {
      for await (const entry of await following.follow(turn.id, 'alice')) entries.push(entry);
    })().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const restarted = performance.now();
    await server.restart();
    const error = await failure;
    expect(performance.now() - restarted).toBeLessThan(2_000);
    expect(TurnStoreUnavailableError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/Redis turn store could not be reached/);
    expect(dataOf(entries as never)).toEqual(['before the restart']);

    const next = await following.create({ owner: 'alice', key: 'after' });
    await next.producer?.append('after the restart');
    await next.producer?.finish({ status: 'completed' });
    const replayed = await collect(await producing.follow(next.turn.id, 'alice'));
    expect(dataOf(replayed)).toEqual(['after the restart']);
  });

  it('Redis down gives the producer and readers a clear error within the command timeout', async () => {
    const { server } = await testRedis();
    const store = new RedisTurnStore({
      client: createClient({ url: server.url }),
      commandTimeoutMs: 300,
    });
    onTestFinished(() => store.close());
    const { turn, producer } = await store.create({ owner: 'alice', key: 'k' });
    await server.close();
    await expect(producer?.append('lost')).rejects.toSatisfy((error) =>
      TurnStoreUnavailableError.isInstance(error),
    );
    await expect(store.get(turn.id, 'alice')).rejects.toSatisfy((error) =>
      TurnStoreUnavailableError.isInstance(error),
    );
  });

  it('a Redis that stops answering fails the producer within the command timeout, and the turn settles once it answers again', async () => {
    const { server, admin } = await testRedis();
    const store = new RedisTurnStore({
      client: createClient({ url: server.url }),
      commandTimeoutMs: 300,
    });
    onTestFinished(() => store.close());
    const { turn, producer } = await store.create({ owner: 'alice', key: 'k' });
    await producer?.append('before the pause');
    await admin.sendCommand(['CLIENT', 'PAUSE', '1500', 'ALL']);
    const paused = performance.now();
    await expect(producer?.append('during the pause')).rejects.toSatisfy((error) =>
      TurnStoreUnavailableError.isInstance(error),
    );
    expect(performance.now() - paused).toBeLessThan(1_200);
    await expect(producer?.finish({ status: 'failed' })).rejects.toSatisfy((error) =>
      TurnStoreUnavailableError.isInstance(error),
    );
    // Answered once the pause is over.
    await admin.ping();
    const entries = await collect(await store.follow(turn.id, 'alice'));
    expect(entries.at(-1)).toMatchObject({ type: 'end', status: 'failed' });
    expect(dataOf(entries)[0]).toBe('before the pause');
  });

  it('a store that cannot connect reports the store unavailable', async () => {
    const { server } = await testRedis();
    await server.close();
    const store = new RedisTurnStore({
      client: createClient({ url: server.url }),
      commandTimeoutMs: 300,
    });
    onTestFinished(() => store.close());
    await expect(store.create({ owner: 'alice', key: 'k' })).rejects.toSatisfy((error) =>
      TurnStoreUnavailableError.isInstance(error),
    );
  });
});
