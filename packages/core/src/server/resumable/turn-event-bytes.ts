import type { OpenAIErrorBody } from '../error-response.js';
import type { TurnEnd, TurnEvent } from '../turns/turn-store.js';

/** A recorded event as SSE, with its `id` line so that a client can resume just after it. */
export function turnEventBytes({ id, event, data }: TurnEvent): string {
  const name = event === undefined ? '' : `event: ${event}\n`;
  // JSON never holds a raw line break: most data needs no splitting.
  const lines = data.includes('\n') ? data.split('\n').join('\ndata: ') : data;
  return `id: ${id}\n${name}data: ${lines}\n\n`;
}

/** Codes of the `event: error` of a turn that ended without completing. */
export const TURN_STOPPED_CODE = 'turn_stopped';
export const TURN_DISCONNECTED_CODE = 'turn_disconnected';

/** The `event: error` data of a turn that ended without completing and recorded no error. */
export function turnEndErrorBody(end: TurnEnd): OpenAIErrorBody {
  if (end.error !== undefined) {
    const { code, message } = end.error;
    return { error: { message, type: 'api_error', param: null, code } };
  }
  if (end.status === 'stopped') {
    const message = 'The turn was stopped before the answer was complete.';
    return {
      error: { message, type: 'invalid_request_error', param: null, code: TURN_STOPPED_CODE },
    };
  }
  const message = 'The turn ended when its client left, before the answer was complete.';
  return { error: { message, type: 'api_error', param: null, code: TURN_DISCONNECTED_CODE } };
}
