import { describe, expect, it } from 'vitest';
import { TurnTooLargeError } from '../../../src/errors/turn-too-large-error.js';
import { TurnRecorder } from '../../../src/server/resumable/turn-recorder.js';
import { MemoryTurnStore } from '../../../src/server/turns/index.js';
import { collect, dataOf } from '../../support/turn-store-contract.js';

async function turnOf(store: MemoryTurnStore) {
  const { turn, producer } = await store.create({ owner: 'alice', key: 'k' });
  if (producer === undefined) throw new Error('expected to create the turn');
  return { turn, producer };
}

describe('turn recorder', () => {
  it('records events added in one go, faster than the store writes, once each and in order', async () => {
    const store = new MemoryTurnStore();
    const { turn, producer } = await turnOf(store);
    const recorder = new TurnRecorder(producer);
    for (let index = 0; index < 100; index++)
      recorder.add(`e${index}`, index % 2 ? 'x' : undefined);
    await recorder.flush();
    await producer.finish({ status: 'completed' });
    const entries = await collect(await store.follow(turn.id, 'alice'));
    expect(dataOf(entries)).toEqual(Array.from({ length: 100 }, (_, index) => `e${index}`));
    expect(entries[1]).toMatchObject({ event: 'x' });
    await store.close();
  });

  it('records nothing after an event the store refuses, and reports that refusal', async () => {
    const store = new MemoryTurnStore({ maxBytes: 10 });
    const { turn, producer } = await turnOf(store);
    const recorder = new TurnRecorder(producer);
    recorder.add('12345', undefined);
    recorder.add('123456', undefined);
    recorder.add('1', undefined);
    await expect(recorder.flush()).rejects.toBeInstanceOf(TurnTooLargeError);
    expect(() => recorder.add('2', undefined)).toThrow(TurnTooLargeError);
    await producer.finish({ status: 'failed' });
    expect(dataOf(await collect(await store.follow(turn.id, 'alice')))).toEqual(['12345']);
    await store.close();
  });
});
