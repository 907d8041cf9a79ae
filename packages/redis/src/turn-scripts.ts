import { type CommandParser, defineScript, type RedisScripts } from 'redis';

/**
 * The Lua scripts that change a turn: each runs atomically in Redis, so racing instances never
 * see half a change. node-redis runs them by SHA-1 (`EVALSHA`) and sends the script itself only
 * when Redis does not have it yet (`NOSCRIPT`), e.g. after a restart.
 */

/** A script called with its keys and its arguments; callers read its reply as they expect it. */
type TurnScript = Omit<RedisScripts[string], 'parseCommand' | 'transformReply'> & {
  parseCommand(parser: CommandParser, keys: string[], args: string[]): void;
  transformReply: () => unknown;
};

function turnScript(script: string, numberOfKeys: number): TurnScript {
  return defineScript({
    SCRIPT: script,
    NUMBER_OF_KEYS: numberOfKeys,
    parseCommand(parser: CommandParser, keys: string[], args: string[]) {
      parser.pushKeys(keys);
      parser.push(...args);
    },
    transformReply: undefined as unknown as () => unknown,
  });
}

/**
 * KEYS: idempotency, turn, alive. ARGV: id, owner, key, createdAt, runningTtlMs,
 * producerTimeoutMs. Returns {1, id} when it created the turn, {0, existingId} when the key had
 * one.
 */
const CREATE_TURN = `
local existing = redis.call('GET', KEYS[1])
if existing then return {0, existing} end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[5])
redis.call('HSET', KEYS[2], 'owner', ARGV[2], 'key', ARGV[3], 'status', 'running', 'createdAt', ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
redis.call('SET', KEYS[3], '1', 'PX', ARGV[6])
return {1, ARGV[1]}
`;

/**
 * Appends events to a running turn, or with none only beats. KEYS: turn, events, alive,
 * idempotency. ARGV[1]: runningTtlMs, ARGV[2]: producerTimeoutMs, then a data and an event name
 * ('' for none) per event. The stream is not trimmed: the producer keeps a turn within
 * `maxEvents` and `maxBytes` itself. Every call refreshes the producer's liveness and the
 * running turn's expiry. Returns {0} when the turn is not running, else
 * {1, stop flag or '', the events' ids...}.
 */
const APPEND_EVENTS = `
if redis.call('HGET', KEYS[1], 'status') ~= 'running' then return {0} end
local reply = {1, redis.call('HGET', KEYS[1], 'stop') or ''}
for i = 3, #ARGV, 2 do
  if ARGV[i + 1] == '' then
    reply[#reply + 1] = redis.call('XADD', KEYS[2], '*', 'd', ARGV[i])
  else
    reply[#reply + 1] = redis.call('XADD', KEYS[2], '*', 'd', ARGV[i], 'e', ARGV[i + 1])
  end
end
redis.call('SET', KEYS[3], '1', 'PX', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
redis.call('PEXPIRE', KEYS[4], ARGV[1])
return reply
`;

/**
 * Ends a running turn with the outcome ARGV[1] (JSON) and status ARGV[2]; with ARGV[4] = '1'
 * only when its producer is silent (the alive key expired). KEYS: turn, events, alive,
 * idempotency. Adds the `end` entry that wakes followers and lets everything expire after
 * ARGV[3] ms. Returns 1 when it ended the turn.
 */
const END_TURN = `
if redis.call('HGET', KEYS[1], 'status') ~= 'running' then return 0 end
if ARGV[4] == '1' and redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[2], 'outcome', ARGV[1])
redis.call('XADD', KEYS[2], '*', 'end', ARGV[1])
redis.call('DEL', KEYS[3])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('PEXPIRE', KEYS[4], ARGV[3])
return 1
`;

/**
 * Asks the producer of ARGV[1]'s running turn to stop: a flag its beats read and a message on
 * the stop channel ARGV[2] for its instance. KEYS: turn. ARGV[3]: owner. Returns 0 when the turn
 * is missing or another owner's.
 */
const STOP_TURN = `
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[3] then return 0 end
if redis.call('HGET', KEYS[1], 'status') == 'running' then
  redis.call('HSET', KEYS[1], 'stop', '1')
  redis.call('PUBLISH', ARGV[2], ARGV[1])
end
return 1
`;

/** The scripts, as the commands they become on the store's connection. */
export const TURN_SCRIPTS: Record<
  'createTurn' | 'appendEvents' | 'endTurn' | 'stopTurn',
  TurnScript
> = {
  createTurn: turnScript(CREATE_TURN, 3),
  appendEvents: turnScript(APPEND_EVENTS, 4),
  endTurn: turnScript(END_TURN, 4),
  stopTurn: turnScript(STOP_TURN, 1),
};
