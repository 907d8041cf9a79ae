import { describe, expect, it } from 'vitest';
import { MemoryTurnStore } from '../../../src/server/turns/index.js';
import { describeTurnStoreContract } from '../../support/turn-store-contract.js';

describeTurnStoreContract('memory', async (options) => {
  const store = new MemoryTurnStore(options);
  return { first: store, second: store };
});

describe('memory turn store', () => {
  it('1,000 finished turns are all dropped once their time to live has passed', async () => {
    const store = new MemoryTurnStore({ ttlMs: 100 });
    for (let index = 0; index < 1000; index++) {
      const { producer } = await store.create({ owner: 'alice', key: `key-${index}` });
      await producer?.append('x'.repeat(1000));
      await producer?.finish({ status: 'completed' });
    }
    expect(store.size).toBe(1000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(store.size).toBe(0);
    await store.close();
  });

  it('a turn whose producer fell silent is dropped after the liveness window and its time to live', async () => {
    const store = new MemoryTurnStore({ ttlMs: 100, producerTimeoutMs: 100 });
    await store.create({ owner: 'alice', key: 'abandoned' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(store.size).toBe(0);
    await store.close();
  });

  it('closing the store ends its followers and aborts its producers', async () => {
    const store = new MemoryTurnStore();
    const { turn, producer } = await store.create({ owner: 'alice', key: 'k' });
    const entries = store.follow(turn.id, 'alice').then(async (followed) => {
      const seen = [];
      for await (const entry of followed) seen.push(entry);
      return seen;
    });
    await store.close();
    expect(await entries).toEqual([
      expect.objectContaining({
        type: 'end',
        status: 'failed',
        error: expect.objectContaining({ code: 'store_closed' }),
      }),
    ]);
    expect(producer?.signal.aborted).toBe(true);
  });

  it('its options must be positive', () => {
    expect(() => new MemoryTurnStore({ ttlMs: 0 })).toThrow(/ttlMs must be a positive number/);
  });
});
