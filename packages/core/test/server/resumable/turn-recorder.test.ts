import { describe, expect, it } from 'vitest';
import { TurnTooLargeError } from '../../../src/errors/turn-too-large-error.js';
import { TurnRecorder } from '../../../src/server/resumable/turn-recorder.js';
import {
  MemoryTurnStore,
  type TurnEvent,
  type TurnProducer,
} from '../../../src/server/turns/index.js';
import { collect, dataOf } from '../../support/turn-store-contract.js';

/** The producer of a store that can only append one event per write. */
function oneAtATime(producer: TurnProducer): TurnProducer {
  return {
    turnId: producer.turnId,
    signal: producer.signal,
    append: (data, event) => producer.append(data, event),
    heartbeat: () => producer.heartbeat(),
    finish: (outcome) => producer.finish(outcome),
  };
}

async function turnOf(store: MemoryTurnStore) {
  const { turn, producer } = await store.create({ owner: 'alice', key: 'k' });
  if (producer === undefined) throw new Error('expected to create the turn');
  return { turnId: turn.id, producer };
}

describe('turn recorder on a store that writes one event at a time', () => {
  it('records every event once, in order, and nothing after one the store refuses', async () => {
    const store = new MemoryTurnStore({ maxBytes: 10 });
    const { turnId, producer } = await turnOf(store);
    const recorder = new TurnRecorder(oneAtATime(producer));
    await recorder.add([{ data: '1234' }]);
    await recorder.add([{ data: '5', event: 'x' }]);
    await expect(recorder.add([{ data: '123456' }])).rejects.toBeInstanceOf(TurnTooLargeError);
    await expect(recorder.flush()).rejects.toBeInstanceOf(TurnTooLargeError);
    await producer.finish({ status: 'failed' });
    const entries = await collect(await store.follow(turnId, 'alice'));
    expect(dataOf(entries)).toEqual(['1234', '5']);
    expect(entries[1]).toMatchObject({ event: 'x' });
    await store.close();
  });
});

describe('turn recorder telling the creator of what it recorded', () => {
  it('tells each event with the id the store gave it, in order, also when events are added without waiting', async () => {
    const store = new MemoryTurnStore();
    const { turnId, producer } = await turnOf(store);
    const told: TurnEvent[] = [];
    const recorder = new TurnRecorder(producer, {
      recorded: (events) => told.push(...events),
      followStore: () => {},
    });
    recorder.add([{ data: 'a' }]);
    recorder.add([{ data: 'b' }, { data: 'c' }]);
    recorder.add([{ data: 'd', event: 'note' }]);
    await recorder.flush();
    await producer.finish({ status: 'completed' });
    const entries = await collect(await store.follow(turnId, 'alice'));
    expect(dataOf(entries)).toEqual(['a', 'b', 'c', 'd']);
    expect(told).toEqual(entries.filter((entry) => entry.type === 'event'));
    await store.close();
  });

  it.each([
    ['writes several events at a time', (producer: TurnProducer) => producer],
    ['writes one event at a time', oneAtATime],
  ])('sends the creator to the store once a write failed, on a store that %s', async (_, view) => {
    const store = new MemoryTurnStore({ maxBytes: 3 });
    const { producer } = await turnOf(store);
    let sentToStore = 0;
    const told: string[] = [];
    const recorder = new TurnRecorder(view(producer), {
      recorded: (events) => told.push(...events.map(({ data }) => data)),
      followStore: () => {
        sentToStore += 1;
      },
    });
    await recorder.add([{ data: 'ab' }]);
    await recorder.flush();
    await Promise.allSettled([recorder.add([{ data: 'cd' }])]);
    await expect(recorder.flush()).rejects.toBeInstanceOf(TurnTooLargeError);
    expect(told).toEqual(['ab']);
    expect(sentToStore).toBe(1);
    await store.close();
  });
});
