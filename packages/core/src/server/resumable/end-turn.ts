import type { PortkeyCacheStatus } from '../../client/index.js';
import { type ErrorResponseOptions, toErrorResponse } from '../error-response.js';
import type { ChatRequestContext } from '../handler-options.js';
import type { FinishReport } from '../pipeline/finish-report.js';
import type { TurnEnd, TurnEndStatus, TurnProducer } from '../turns/turn-store.js';
import type { TurnRecording } from './creator-stream.js';
import { turnEndErrorBody } from './turn-event-bytes.js';
import { type TurnUsageSource, turnUsage } from './turn-usage.js';

/** How the producer's run of a turn ended. */
export interface TurnRun extends TurnUsageSource {
  readonly status: TurnEndStatus;
  /** Why a `failed` turn failed. */
  readonly failure?: unknown;
  /** The upstream's status, once it answered. */
  readonly upstreamStatus?: number;
  /** Portkey's cache status of the answer, when it sent one. */
  readonly cacheStatus?: PortkeyCacheStatus | null;
  /** `performance.now()` when the first event was recorded. */
  readonly firstByteAt?: number;
}

/** What ending a turn reports to. */
export interface TurnEnding<Req, Res> {
  readonly producer: TurnProducer;
  readonly context: ChatRequestContext<Req, Res>;
  readonly report: FinishReport<Req, Res>;
  readonly answerOptions: ErrorResponseOptions;
  /** Told of the events recorded for the turn (its creator's answer), when any is. */
  readonly recording?: TurnRecording;
}

/**
 * Ends the turn once: a turn that did not complete records its `event: error` (so that every
 * client sees why, with an id), the store gets the outcome and usage (estimated for an answer
 * cut short), and the one call that ended the turn runs `onFinish` (and `onError` for a
 * failure). `ending.recording` is told of the error event and of the end.
 */
export async function endTurn<Req, Res>(run: TurnRun, ending: TurnEnding<Req, Res>): Promise<void> {
  const { producer, context, report, answerOptions, recording } = ending;
  const { status, completion } = run;
  const errorBody =
    status === 'completed'
      ? undefined
      : status === 'failed'
        ? toErrorResponse(run.failure, answerOptions).body
        : turnEndErrorBody({ type: 'end', status });
  if (errorBody !== undefined) {
    // Already ended (taken for dead) or unreachable: the store tells followers itself.
    const data = JSON.stringify(errorBody);
    await producer.append(data, 'error').then(
      (id) => recording?.recorded([{ type: 'event', id, event: 'error', data }]),
      () => {},
    );
  }
  const { usage, estimated } = await turnUsage(context.body, run);
  const error =
    errorBody === undefined
      ? undefined
      : { code: errorBody.error.code ?? 'turn_failed', message: errorBody.error.message };
  const end: TurnEnd = { type: 'end', status, usage, estimated: estimated ?? false, error };
  const { type: _type, ...outcome } = end;
  const ended = await producer.finish(outcome).catch(() => false);
  if (!ended) return;
  // The answer ends before the hooks run, as a relayed one does.
  recording?.ended(end);
  if (status === 'failed') await report.error(run.failure, context);
  await report.finish(context, {
    stream: true,
    status: run.upstreamStatus ?? 0,
    cacheStatus: run.cacheStatus ?? null,
    aborted: status === 'stopped' || status === 'disconnected',
    completion,
    firstByteAt: run.firstByteAt,
    stopReason: status,
  });
}
