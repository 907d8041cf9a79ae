import type { EventStreamWriter, ResponseSink } from '../edge/exchange.js';
import { toErrorResponse } from '../error-response.js';
import type { TurnEntry } from '../turns/turn-store.js';
import { turnEndErrorBody, turnEventBytes } from './turn-event-bytes.js';
import { turnRequestError } from './turn-request-error.js';

/** The response header that names the turn an answer belongs to. */
export const TURN_ID_HEADER = 'x-chatwire-turn-id';

/** How a turn's events are written to one client. */
export interface FollowWriting {
  readonly response: ResponseSink<unknown>;
  readonly keepAliveMs: number | undefined;
  /** The headers the answer starts with, beside the SSE ones and the turn id. */
  readonly headers?: Record<string, string>;
}

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/** Begins the SSE answer of turn `turnId` to one client. */
export function openTurnStream(
  turnId: string,
  { response, keepAliveMs, headers }: FollowWriting,
): EventStreamWriter {
  response.setHeader(TURN_ID_HEADER, turnId);
  return response.openEventStream(200, headers ?? NO_HEADERS, keepAliveMs);
}

/**
 * Writes a followed turn to one client as SSE, every event with its `id`, until the turn
 * ends or the client leaves. A turn that ended without completing ends with an `event: error`
 * (the one recorded, else one naming how it ended); a store that fails mid-way, too.
 */
export async function followTurn(
  turnId: string,
  entries: AsyncIterable<TurnEntry>,
  writing: FollowWriting,
): Promise<void> {
  await writeTurnEntries(openTurnStream(turnId, writing), entries);
}

/**
 * Writes `entries` to an answer already begun, then ends it (see {@link followTurn}); entries
 * that cannot be read end it with an `event: error`. `sawError` says whether the last event
 * written before was an `event: error`.
 */
export async function writeTurnEntries(
  writer: EventStreamWriter,
  entries: AsyncIterable<TurnEntry> | Promise<AsyncIterable<TurnEntry>>,
  sawError = false,
): Promise<void> {
  try {
    for await (const entry of await entries) {
      if (writer.closed) return;
      if (entry.type === 'end') {
        if (entry.status !== 'completed' && !sawError) writer.fail(turnEndErrorBody(entry));
        break;
      }
      sawError = entry.event === 'error';
      if (!writer.write(turnEventBytes(entry))) await writer.drained();
    }
  } catch (error) {
    writer.fail(toErrorResponse(turnRequestError(error)).body);
  }
  writer.end();
}
