import type {
  ChatCompletionsHandlerOptions,
  ChatFinishInfo,
  ChatRequestContext,
} from '../handler-options.js';
import type { TurnEndStatus } from '../turns/turn-store.js';
import { estimateUsage } from '../usage/estimate-usage.js';

/** How a turn ended, as the answer steps know it; the report adds the timings and the rest. */
export interface TurnOutcome
  extends Pick<ChatFinishInfo, 'stream' | 'status' | 'cacheStatus' | 'aborted' | 'completion'> {
  /** `performance.now()` when the first byte of the answer's body was sent, if it was. */
  firstByteAt: number | undefined;
  /** How the turn ended; by default `disconnected` when aborted, else `completed`. */
  stopReason?: TurnEndStatus;
}

/** The `onFinish` and `onError` bookkeeping of one handler. */
export interface FinishReport<Req, Res> {
  /** Passes an error to `onError`; an `onError` that fails is ignored. */
  error(error: unknown, context: ChatRequestContext<Req, Res> | undefined): Promise<void>;
  /** Passes the ended turn to `onFinish` (an `onFinish` that fails goes to `onError`). */
  finish(context: ChatRequestContext<Req, Res>, outcome: TurnOutcome): Promise<void>;
}

async function finishInfo<Req, Res>(
  context: ChatRequestContext<Req, Res>,
  outcome: TurnOutcome,
): Promise<ChatFinishInfo<Req, Res>> {
  const { completion, firstByteAt, stopReason, ...rest } = outcome;
  const reported = completion?.usage ?? undefined;
  // An answer cut short has no usage chunk, yet its tokens were generated (and billed).
  const estimate =
    reported === undefined && (outcome.aborted || (stopReason ?? 'completed') !== 'completed')
      ? await estimateUsage(context.body, completion)
      : undefined;
  return {
    ...rest,
    traceId: context.traceId,
    model: completion?.model ?? context.body.model,
    usage: reported ?? estimate,
    estimated: estimate !== undefined,
    stopReason: stopReason ?? (outcome.aborted ? 'disconnected' : 'completed'),
    finishReason: completion?.choices[0]?.finish_reason ?? null,
    latencyMs: performance.now() - context.startedAt,
    timeToFirstByteMs: firstByteAt === undefined ? undefined : firstByteAt - context.startedAt,
    completion,
    context,
  };
}

/** The report of a handler with these hooks; nothing is computed for servers without them. */
export function createFinishReport<Req, Res>(
  hooks: Pick<ChatCompletionsHandlerOptions<Req, Res>, 'onFinish' | 'onError'>,
): FinishReport<Req, Res> {
  const { onFinish, onError } = hooks;
  const error = async (
    failure: unknown,
    context: ChatRequestContext<Req, Res> | undefined,
  ): Promise<void> => {
    if (onError === undefined) return;
    try {
      await onError(failure, context);
    } catch {
      // A failing logger must not take the endpoint down with it.
    }
  };
  const finish = async (
    context: ChatRequestContext<Req, Res>,
    outcome: TurnOutcome,
  ): Promise<void> => {
    if (onFinish === undefined) return;
    try {
      await onFinish(await finishInfo(context, outcome));
    } catch (failure) {
      await error(failure, context);
    }
  };
  return { error, finish };
}
