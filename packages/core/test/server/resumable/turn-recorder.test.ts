import { describe, expect, it } from 'vitest';
import { TurnTooLargeError } from '../../../src/errors/turn-too-large-error.js';
import { TurnRecorder } from '../../../src/server/resumable/turn-recorder.js';
import { MemoryTurnStore } from '../../../src/server/turns/index.js';
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
    await recorder.flush();
    await producer.finish({ status: 'failed' });
    const entries = await collect(await store.follow(turn.id, 'alice'));
    expect(dataOf(entries)).toEqual(['1234', '5']);
    expect(entries[1]).toMatchObject({ event: 'x' });
    await store.close();
  });
});
