import { producerLostOutcome, type TurnEntry, type TurnOutcome } from '@chatwire/core/server';
import type { RedisClient, RedisTurnContext } from './redis-connection.js';
import { storeUnavailable } from './store-unavailable.js';
import { END_TURN } from './turn-scripts.js';

/** A turn being followed: where it is and which keys end it. */
export interface FollowedTurn {
  turnId: string;
  idempotencyKey: string;
  after: string;
  signal: AbortSignal | undefined;
}

/** The most entries one read returns. */
const READ_COUNT = 200;

interface StreamMessage {
  id: string;
  message: Record<string, string>;
}

/**
 * Yields a turn's entries after `turn.after`, blocking for new ones on a connection of its own
 * (a blocking read holds its connection). When a read times out it ends the turn if its
 * producer went silent, so the `end` entry arrives and the follower never hangs.
 */
export async function* followTurn(
  context: RedisTurnContext,
  turn: FollowedTurn,
): AsyncGenerator<TurnEntry> {
  const { keys } = context;
  const reader = await openReader(context.commands);
  const leave = () => reader.destroy();
  turn.signal?.addEventListener('abort', leave, { once: true });
  try {
    let last = turn.after;
    while (turn.signal?.aborted !== true) {
      const reply = (await reader.xRead(
        { key: keys.events(turn.turnId), id: last },
        { BLOCK: context.blockMs, COUNT: READ_COUNT },
      )) as { messages: StreamMessage[] }[] | null;
      const messages = reply?.[0]?.messages ?? [];
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
      if (messages.length > 0) continue;
      const ended = await endedOutcome(context, turn);
      if (ended !== undefined) {
        yield { type: 'end', ...ended } as TurnEntry;
        return;
      }
    }
  } catch (error) {
    if (turn.signal?.aborted === true) return;
    throw storeUnavailable(error);
  } finally {
    turn.signal?.removeEventListener('abort', leave);
    if (reader.isOpen) reader.destroy();
  }
}

async function openReader(commands: RedisClient): Promise<RedisClient> {
  // No reconnecting: a follower whose Redis went away gets an error, not a silent wait.
  const reader = commands.duplicate({ socket: { reconnectStrategy: false } });
  reader.on('error', () => {});
  try {
    await reader.connect();
  } catch (error) {
    throw storeUnavailable(error);
  }
  return reader;
}

/**
 * After a quiet read: the outcome of a turn that ended before `after` (its `end` entry is behind
 * the follower), or `undefined` while it runs. Ends the turn first when its producer is silent.
 */
async function endedOutcome(
  context: RedisTurnContext,
  turn: FollowedTurn,
): Promise<TurnOutcome | undefined> {
  const { keys, options } = context;
  const [status, outcome] = await context.commands.hmGet(keys.turn(turn.turnId), [
    'status',
    'outcome',
  ]);
  if (status === 'running') {
    await context.run(
      END_TURN,
      [
        keys.turn(turn.turnId),
        keys.events(turn.turnId),
        keys.alive(turn.turnId),
        turn.idempotencyKey,
      ],
      [
        JSON.stringify(producerLostOutcome(options.producerTimeoutMs)),
        'failed',
        String(options.ttlMs),
        '1',
      ],
    );
    // When that ended the turn, the next read returns its `end` entry.
    return undefined;
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
