import { describe, expect, it, onTestFinished } from 'vitest';
import { InvalidOptionError } from '../../src/errors/chatwire-error.js';
import { TurnEndedError } from '../../src/errors/turn-ended-error.js';
import { TurnNotFoundError } from '../../src/errors/turn-not-found-error.js';
import { TurnTooLargeError } from '../../src/errors/turn-too-large-error.js';
import {
  PRODUCER_LOST_CODE,
  type TurnEntry,
  type TurnProducer,
  type TurnStore,
  type TurnStoreOptions,
} from '../../src/server/turns/index.js';

/**
 * Two handles on one shared store: two instances on one server for a networked store (so
 * that what one writes the other must see), the same store twice for a store in memory.
 */
export interface TurnStorePair {
  first: TurnStore;
  second: TurnStore;
}

/** Makes a fresh pair with `options`; the suite closes both when each test ends. */
export type TurnStorePairFactory = (options: TurnStoreOptions) => Promise<TurnStorePair>;

/** Every behaviour a turn store promises, checked against the stores `makePair` makes. */
export function describeTurnStoreContract(name: string, makePair: TurnStorePairFactory): void {
  async function stores(options: TurnStoreOptions = {}): Promise<TurnStorePair> {
    const pair = await makePair(options);
    onTestFinished(async () => {
      await pair.second.close();
      await pair.first.close();
    });
    return pair;
  }

  async function producerOf(store: TurnStore, key = 'key-1', owner = 'alice') {
    const { turn, producer } = await store.create({ owner, key });
    if (producer === undefined) throw new Error('expected to create the turn');
    return { turn, producer };
  }

  describe(`${name} turn store`, () => {
    it('a second create with the same owner and key returns the same turn and no producer', async () => {
      const { first, second } = await stores();
      const created = await first.create({ owner: 'alice', key: 'k' });
      const again = await second.create({ owner: 'alice', key: 'k' });
      expect(created.producer).toBeDefined();
      expect(again.producer).toBeUndefined();
      expect(again.turn.id).toBe(created.turn.id);
      expect(again.turn.status).toBe('running');
    });

    it('twenty racing creates with one key on two instances give exactly one producer', async () => {
      const { first, second } = await stores();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          (index % 2 === 0 ? first : second).create({ owner: 'alice', key: 'double-click' }),
        ),
      );
      expect(results.filter((result) => result.producer !== undefined)).toHaveLength(1);
      expect(new Set(results.map((result) => result.turn.id)).size).toBe(1);
    });

    it('the same key under another owner is another turn', async () => {
      const { first } = await stores();
      const alice = await first.create({ owner: 'alice', key: 'k' });
      const bob = await first.create({ owner: 'bob', key: 'k' });
      expect(bob.producer).toBeDefined();
      expect(bob.turn.id).not.toBe(alice.turn.id);
    });

    it('a follower on the other instance gets every event once, in order, then the end', async () => {
      const { first, second } = await stores();
      const { turn, producer } = await producerOf(first);
      const ids = [await producer.append('a'), await producer.append('b')];
      const following = collect(await second.follow(turn.id, 'alice'));
      for (const data of ['c', 'd', 'e']) ids.push(await producer.append(data));
      await producer.finish({ status: 'completed', usage: usage(3) });
      const entries = await following;
      expect(dataOf(entries)).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(entries.slice(0, 5).map((entry) => (entry.type === 'event' ? entry.id : ''))).toEqual(
        ids,
      );
      expect(entries.at(-1)).toMatchObject({ type: 'end', status: 'completed', usage: usage(3) });
    });

    it('event ids increase, and following after one resumes just after it with no gap and no repeat', async () => {
      const { first, second } = await stores();
      const { turn, producer } = await producerOf(first);
      const ids: string[] = [];
      for (let index = 0; index < 50; index++) ids.push(await producer.append(`e${index}`));
      const resumed = collect(await second.follow(turn.id, 'alice', { after: ids[19] }));
      const live: Promise<string>[] = [];
      for (let index = 50; index < 60; index++) live.push(producer.append(`e${index}`, 'chunk'));
      await Promise.all(live);
      await producer.finish({ status: 'completed' });
      const entries = await resumed;
      expect(dataOf(entries)).toEqual(Array.from({ length: 40 }, (_, index) => `e${index + 20}`));
      expect(entries.at(-1)).toMatchObject({ type: 'end', status: 'completed', estimated: false });
      expect(entries.at(-2)).toMatchObject({ event: 'chunk', data: 'e59' });
      const sorted = [...ids].sort(compareIds);
      expect(sorted).toEqual(ids);
    });

    it('resuming just after the last event of an ended turn yields its end', async () => {
      const { first, second } = await stores();
      const { turn, producer } = await producerOf(first);
      await producer.append('only');
      const last = await producer.append('last');
      await producer.finish({ status: 'stopped', usage: usage(2), estimated: true });
      const entries = await collect(await second.follow(turn.id, 'alice', { after: last }));
      expect(entries).toEqual([
        { type: 'end', status: 'stopped', usage: usage(2), estimated: true },
      ]);
      const everything = await collect(await second.follow(turn.id, 'alice'));
      expect(dataOf(everything)).toEqual(['only', 'last']);
    });

    it('the turn reports its status and outcome once ended', async () => {
      const { first, second } = await stores();
      const { turn, producer } = await producerOf(first);
      expect((await second.get(turn.id, 'alice')).status).toBe('running');
      const failure = { code: 'upstream_error', message: 'The provider failed.' };
      await producer.finish({ status: 'failed', error: failure });
      const info = await second.get(turn.id, 'alice');
      expect(info).toMatchObject({ id: turn.id, key: 'key-1', status: 'failed' });
      expect(info.outcome).toMatchObject({ status: 'failed', error: failure });
    });

    it('a turn ends once: a second finish returns false and keeps the first outcome', async () => {
      const { first } = await stores();
      const { turn, producer } = await producerOf(first);
      expect(await producer.finish({ status: 'completed' })).toBe(true);
      expect(await producer.finish({ status: 'failed' })).toBe(false);
      expect((await first.get(turn.id, 'alice')).status).toBe('completed');
      await expect(producer.append('late')).rejects.toSatisfy(isA(TurnEndedError));
    });

    it("a stop sent to the other instance aborts the producer's signal within 200 ms", async () => {
      const { first, second } = await stores();
      const { turn, producer } = await producerOf(first);
      await producer.append('a');
      const started = performance.now();
      await second.stop(turn.id, 'alice');
      await aborted(producer);
      expect(performance.now() - started).toBeLessThan(200);
      await producer.finish({ status: 'stopped' });
      expect((await second.get(turn.id, 'alice')).status).toBe('stopped');
    });

    it('another owner can neither read, follow nor stop the turn', async () => {
      const { first, second } = await stores();
      const { turn, producer } = await producerOf(first);
      await producer.append('private');
      await expect(second.get(turn.id, 'mallory')).rejects.toSatisfy(isA(TurnNotFoundError));
      await expect(second.follow(turn.id, 'mallory')).rejects.toSatisfy(isA(TurnNotFoundError));
      await expect(second.stop(turn.id, 'mallory')).rejects.toSatisfy(isA(TurnNotFoundError));
      await expect(second.get('no-such-turn', 'alice')).rejects.toSatisfy(isA(TurnNotFoundError));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(producer.signal.aborted).toBe(false);
    });

    it('an event id the store did not produce is refused', async () => {
      const { first } = await stores();
      const { turn } = await producerOf(first);
      await expect(first.follow(turn.id, 'alice', { after: 'not an id' })).rejects.toSatisfy(
        isA(InvalidOptionError),
      );
    });

    it('a producer silent for the liveness window ends its followers with the events so far and a producer_lost end', async () => {
      const producerTimeoutMs = 300;
      const { first, second } = await stores({ producerTimeoutMs });
      const { turn, producer } = await producerOf(first);
      await producer.append('partial');
      const started = performance.now();
      const entries = await collect(await second.follow(turn.id, 'alice'));
      expect(performance.now() - started).toBeLessThan(producerTimeoutMs + 700);
      expect(dataOf(entries)).toEqual(['partial']);
      expect(entries.at(-1)).toMatchObject({
        type: 'end',
        status: 'failed',
        error: { code: PRODUCER_LOST_CODE },
      });
      await expect(producer.append('too late')).rejects.toSatisfy(isA(TurnEndedError));
      expect(await producer.finish({ status: 'completed' })).toBe(false);
    });

    it('heartbeats at the pace the producer names keep a slow producer alive past the liveness window', async () => {
      const producerTimeoutMs = 300;
      const { first, second } = await stores({ producerTimeoutMs });
      const { turn, producer } = await producerOf(first);
      expect(producer.heartbeatMs).toBeLessThan(producerTimeoutMs);
      const following = collect(await second.follow(turn.id, 'alice'));
      const silentUntil = performance.now() + producerTimeoutMs * 3;
      while (performance.now() < silentUntil) {
        await new Promise((resolve) => setTimeout(resolve, producer.heartbeatMs));
        await producer.heartbeat();
      }
      await producer.append('slow but alive');
      await producer.finish({ status: 'completed' });
      const entries = await following;
      expect(dataOf(entries)).toEqual(['slow but alive']);
      expect(entries.at(-1)).toMatchObject({ type: 'end', status: 'completed' });
    });

    it('an event past the byte cap is refused and not recorded', async () => {
      const { first } = await stores({ maxBytes: 10 });
      const { turn, producer } = await producerOf(first);
      await producer.append('12345');
      await expect(producer.append('678901')).rejects.toSatisfy(isA(TurnTooLargeError));
      await producer.append('67890');
      await producer.finish({ status: 'failed' });
      expect(dataOf(await collect(await first.follow(turn.id, 'alice')))).toEqual([
        '12345',
        '67890',
      ]);
    });

    it('events appended in one write keep their order and ids, and one past the byte cap ends the write there', async () => {
      const { first, second } = await stores({ maxBytes: 12 });
      const { turn, producer } = await producerOf(first);
      if (producer.appendMany === undefined) return;
      const ids = await producer.appendMany([{ data: 'a' }, { data: 'b', event: 'x' }]);
      await expect(
        producer.appendMany([{ data: 'cc' }, { data: 'too large' }, { data: 'd' }]),
      ).rejects.toSatisfy(isA(TurnTooLargeError));
      await producer.finish({ status: 'failed' });
      const entries = await collect(await second.follow(turn.id, 'alice'));
      expect(dataOf(entries)).toEqual(['a', 'b', 'cc']);
      expect(entries.slice(0, 2)).toEqual([
        { type: 'event', id: ids[0], data: 'a' },
        { type: 'event', id: ids[1], event: 'x', data: 'b' },
      ]);
    });

    it('an event past the event cap is refused', async () => {
      const { first } = await stores({ maxEvents: 2 });
      const { producer } = await producerOf(first);
      await producer.append('1');
      await producer.append('2');
      await expect(producer.append('3')).rejects.toThrow(/2 events/);
    });

    it('an ended turn expires after its time to live, and its key then makes a new turn', async () => {
      const { first, second } = await stores({ ttlMs: 150 });
      const { turn, producer } = await producerOf(first);
      await producer.append('a');
      await producer.finish({ status: 'completed' });
      expect((await second.get(turn.id, 'alice')).status).toBe('completed');
      await new Promise((resolve) => setTimeout(resolve, 400));
      await expect(second.get(turn.id, 'alice')).rejects.toSatisfy(isA(TurnNotFoundError));
      const again = await second.create({ owner: 'alice', key: 'key-1' });
      expect(again.producer).toBeDefined();
      expect(again.turn.id).not.toBe(turn.id);
    });

    it('closing the store of a running producer ends its turn at once, as store_closed, for followers on the other instance', async () => {
      const { first, second } = await stores({ producerTimeoutMs: 10_000 });
      const { turn, producer } = await producerOf(first);
      await producer.append('before the shutdown');
      const following = collect(await second.follow(turn.id, 'alice'));
      const closedAt = performance.now();
      await first.close();
      const entries = await following;
      expect(performance.now() - closedAt).toBeLessThan(2_000);
      expect(dataOf(entries)).toEqual(['before the shutdown']);
      expect(entries.at(-1)).toMatchObject({
        type: 'end',
        status: 'failed',
        error: { code: 'store_closed' },
      });
      expect(producer.signal.aborted).toBe(true);
    });

    it('a follower whose signal aborts stops quietly', async () => {
      const { first, second } = await stores();
      const { turn, producer } = await producerOf(first);
      await producer.append('a');
      const controller = new AbortController();
      const following = collect(
        await second.follow(turn.id, 'alice', { signal: controller.signal }),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      controller.abort();
      expect(dataOf(await following)).toEqual(['a']);
    });
  });
}

/** Every entry of `entries`; fails rather than hang when it does not end within 5 s. */
export async function collect(entries: AsyncIterable<TurnEntry>): Promise<TurnEntry[]> {
  const collected: TurnEntry[] = [];
  const reading = (async () => {
    for await (const entry of entries) collected.push(entry);
  })();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no end after ${JSON.stringify(collected)}`)), 5000);
  });
  try {
    await Promise.race([reading, timeout]);
  } finally {
    clearTimeout(timer);
  }
  return collected;
}

export function dataOf(entries: TurnEntry[]): string[] {
  return entries.flatMap((entry) => (entry.type === 'event' ? [entry.data] : []));
}

/**
 * Whether an error is of `errorClass`, by its brand: a store package may load another copy of
 * the errors than this suite, where `instanceof` would fail.
 */
export function isA(errorClass: { isInstance(error: unknown): boolean }) {
  return (error: unknown): boolean => errorClass.isInstance(error);
}

function usage(total: number) {
  return { prompt_tokens: 1, completion_tokens: total - 1, total_tokens: total };
}

function aborted(producer: TurnProducer): Promise<void> {
  if (producer.signal.aborted) return Promise.resolve();
  return new Promise((resolve) => producer.signal.addEventListener('abort', () => resolve()));
}

/** Orders ids of either store's form: `12` or `1700000000000-3`. */
function compareIds(a: string, b: string): number {
  const [aMain = 0, aSeq = 0] = a.split('-').map(Number);
  const [bMain = 0, bSeq = 0] = b.split('-').map(Number);
  return aMain - bMain || aSeq - bSeq;
}
