import { producerLostOutcome, type TurnEntry, type TurnOutcome } from '@chatwire/core/server';
import type { StreamMessage } from './follower-readers.js';
import { followFeed, type LocalTurnFeed } from './local-turn-feed.js';
import type { RedisTurnContext } from './redis-connection.js';
import { storeUnavailable } from './store-unavailable.js';

/** A turn being followed: where it is and which keys end it. */
export interface FollowedTurn {
  turnId: string;
  idempotencyKey: string;
  after: string;
  signal: AbortSignal | undefined;
  /** The feed of the turn's producer, when it runs on this instance. */
  feed: LocalTurnFeed | undefined;
}

/** The most entries a read without waiting returns. */
const READ_COUNT = 200;

/**
 * Yields a turn's entries after `turn.after`: from the producer's feed while it runs on this
 * instance, else (and after it) from Redis. The first read does not wait; later ones wait for
 * new entries on a reader connection. After a read that waited in vain it looks at the turn:
 * a silent producer is taken for dead (the turn ends, so the follower never hangs), and a turn
 * that has ended is read once more without waiting, since its last events and its `end` entry
 * may have been appended after that read looked.
 */
export async function* followTurn(
  context: RedisTurnContext,
  turn: FollowedTurn,
): AsyncGenerator<TurnEntry> {
  const key = context.keys.events(turn.turnId);
  const breaks = context.breaks.count;
  const unbroken = () => {
    if (context.breaks.count !== breaks) {
      throw new Error('the connection to Redis broke while the turn was followed');
    }
  };
  let last = turn.after;
  let wait = false;
  /** The outcome in the turn's hash, once a quiet read found the turn ended. */
  let ended: TurnOutcome | undefined;
  try {
    if (turn.feed !== undefined) {
      const fedUpTo = yield* followFeed(turn.feed, {
        after: last,
        signal: turn.signal,
        quietMs: context.readers.blockMs,
        hasEnded: async () => (await endedOutcome(context, turn)) !== undefined,
      });
      if (fedUpTo === undefined) return;
      last = fedUpTo;
    }
    while (turn.signal?.aborted !== true) {
      unbroken();
      const messages = wait
        ? await context.readers.read(key, last, turn.signal)
        : await readNow(context, key, last);
      for (const { id, message } of messages) {
        if (message.end !== undefined) {
          yield { type: 'end', ...(JSON.parse(message.end) as TurnOutcome) } as TurnEntry;
          return;
        }
        last = id;
        const data = message.d ?? '';
        yield message.e === undefined
          ? { type: 'event', id, data }
          : { type: 'event', id, event: message.e, data };
      }
      if (messages.length === 0) {
        // Nothing after `after`, in a turn known to have ended: its end lies before `after`.
        if (ended !== undefined) {
          yield { type: 'end', ...ended } as TurnEntry;
          return;
        }
        if (wait) ended = await endedOutcome(context, turn);
        unbroken();
      }
      wait = ended === undefined;
    }
  } catch (error) {
    if (turn.signal?.aborted === true) return;
    throw storeUnavailable(error);
  }
}

async function readNow(
  context: RedisTurnContext,
  key: string,
  after: string,
): Promise<StreamMessage[]> {
  const reply = (await context.commands.xRead({ key, id: after }, { COUNT: READ_COUNT })) as
    | { messages: StreamMessage[] }[]
    | null;
  return reply?.[0]?.messages ?? [];
}

/**
 * After a quiet wait: the outcome of a turn that has ended, or `undefined` while it runs. A
 * turn whose producer is silent is ended here, as `producer_lost`.
 */
async function endedOutcome(
  context: RedisTurnContext,
  turn: FollowedTurn,
): Promise<TurnOutcome | undefined> {
  const { keys, options } = context;
  const [status, outcome] = (await context.commands.hmGet(keys.turn(turn.turnId), [
    'status',
    'outcome',
  ])) as (string | null)[];
  if (status === 'running') {
    const lost = producerLostOutcome(options.producerTimeoutMs);
    const ended = await context.commands.endTurn(
      [
        keys.turn(turn.turnId),
        keys.events(turn.turnId),
        keys.alive(turn.turnId),
        turn.idempotencyKey,
      ],
      [JSON.stringify(lost), 'failed', String(options.ttlMs), '1'],
    );
    return ended === 1 ? lost : undefined;
  }
  if (outcome === null || outcome === undefined) {
    return {
      status: 'failed',
      estimated: false,
      error: { code: 'turn_expired', message: 'The turn expired while it was followed.' },
    };
  }
  return JSON.parse(outcome) as TurnOutcome;
}
