import { describe, expect, it } from 'vitest';
import { TurnTooLargeError } from '../../../src/errors/turn-too-large-error.js';
import { TurnRecorder } from '../../../src/server/resumable/turn-recorder.js';
import { MemoryTurnStore, type TurnEvent } from '../../../src/server/turns/index.js';
import { collect, dataOf } from '../../support/turn-store-contract.js';

describe('turn recorder on a store that writes one event at a time', () => {
  it('records every event once, in order, and nothing after one the store refuses', async () => {
    const store = new MemoryTurnStore({ maxBytes: 10 });
    const { turn, producer } = await store.create({ owner: 'alice', key: 'k' });
    if (producer === undefined) throw new Error('expected to create the turn');
    const recorder = new TurnRecorder(producer);
    await recorder.add('1234', undefined);
    await recorder.add('5', 'x');
    await expect(recorder.add('123456', undefined)).rejects.toBeInstanceOf(TurnTooLargeError);
    await expect(recorder.flush()).rejects.toBeInstanceOf(TurnTooLargeError);
    await producer.finish({ status: 'failed' });
    const entries = await collect(await store.follow(turn.id, 'alice'));
    expect(dataOf(entries)).toEqual(['1234', '5']);
    expect(entries[1]).toMatchObject({ event: 'x' });
    await store.close();
  });
});

describe('turn recorder telling the creator of what it recorded', () => {
  it('tells each event with the id the store gave it, in order', async () => {
    const store = new MemoryTurnStore();
    const { turn, producer } = await store.create({ owner: 'alice', key: 'k' });
    if (producer === undefined) throw new Error('expected to create the turn');
    const told: TurnEvent[] = [];
    const recorder = new TurnRecorder(producer, {
      recorded: (event) => told.push(event),
      followStore: () => {},
    });
    await recorder.add('a', undefined);
    await recorder.add('b', 'note');
    await recorder.flush();
    await producer.finish({ status: 'completed' });
    const entries = await collect(await store.follow(turn.id, 'alice'));
    expect(told).toEqual(entries.filter((entry) => entry.type === 'event'));
    await store.close();
  });

  it('sends the creator to the store once a write failed', async () => {
    const store = new MemoryTurnStore({ maxBytes: 3 });
    const { producer } = await store.create({ owner: 'alice', key: 'k' });
    if (producer === undefined) throw new Error('expected to create the turn');
    let sentToStore = 0;
    const told: string[] = [];
    const recorder = new TurnRecorder(producer, {
      recorded: ({ data }) => told.push(data),
      followStore: () => {
        sentToStore += 1;
      },
    });
    await recorder.add('ab', undefined);
    await expect(recorder.add('cd', undefined)).rejects.toBeInstanceOf(TurnTooLargeError);
    expect(told).toEqual(['ab']);
    expect(sentToStore).toBe(1);
    await store.close();
  });
});
