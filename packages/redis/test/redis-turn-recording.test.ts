import { TurnTooLargeError } from '@chatwire/core/server';
import { describe, expect, it } from 'vitest';
import { TurnRecorder } from '../../core/src/server/resumable/turn-recorder.js';
import { collect, dataOf } from '../../core/test/support/turn-store-contract.js';
import type { RedisTurnStoreOptions } from '../src/index.js';
import { storeOn, testRedis } from './support/test-redis.js';

async function redis(options: Omit<RedisTurnStoreOptions, 'client'> = {}) {
  const { server, admin } = await testRedis();
  const store = storeOn(server.url, options);
  const { turn, producer } = await store.create({ owner: 'alice', key: 'k' });
  if (producer === undefined) throw new Error('expected to create the turn');
  return { admin, store, turn, producer };
}

/** How many script calls Redis has run. */
async function scriptCalls(admin: { info(section: string): Promise<string> }): Promise<number> {
  const stats = await admin.info('commandstats');
  const calls = (command: string) =>
    Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(stats)?.[1] ?? 0);
  return calls('eval') + calls('evalsha');
}

describe('recording a turn in Redis', () => {
  it('events that come faster than Redis writes go to it in a few writes, once each and in order', async () => {
    const { admin, store, turn, producer } = await redis();
    const before = await scriptCalls(admin);
    const recorder = new TurnRecorder(producer);
    for (let index = 0; index < 200; index++) {
      await recorder.add([
        index % 2 === 1 ? { data: `e${index}`, event: 'x' } : { data: `e${index}` },
      ]);
    }
    await recorder.flush();
    expect((await scriptCalls(admin)) - before).toBeLessThan(20);
    await producer.finish({ status: 'completed' });
    const entries = await collect(await store.follow(turn.id, 'alice'));
    expect(dataOf(entries)).toEqual(Array.from({ length: 200 }, (_, index) => `e${index}`));
    expect(entries[1]).toMatchObject({ event: 'x' });
  });

  it('records nothing after an event past the byte cap, and reports the refusal', async () => {
    const { store, turn, producer } = await redis({ maxBytes: 10 });
    const recorder = new TurnRecorder(producer);
    for (const data of ['12345', '123456', '1']) await recorder.add([{ data }]);
    await expect(recorder.flush()).rejects.toSatisfy((error) =>
      TurnTooLargeError.isInstance(error),
    );
    expect(() => recorder.add([{ data: '2' }])).toThrow();
    await producer.finish({ status: 'failed' });
    expect(dataOf(await collect(await store.follow(turn.id, 'alice')))).toEqual(['12345']);
  });
});
