import { errorType } from '../../client/telemetry/error-type.js';
import type { TelemetryAttributes } from '../../client/telemetry/otel-types.js';
import { ChatRequestError } from '../../errors/chat-request-error.js';
import type { ChatRequestContext } from '../handler-options.js';
import type { TurnOutcome } from '../pipeline/finish-report.js';

/** The attributes of a turn the policy let through, once it has ended. */
export function finishedTurnAttributes<Req, Res>(
  context: ChatRequestContext<Req, Res>,
  outcome: TurnOutcome,
): TelemetryAttributes {
  return {
    'chatwire.turn.policy': 'accepted',
    'chatwire.turn.stop_reason':
      outcome.stopReason ?? (outcome.aborted ? 'disconnected' : 'completed'),
    'chatwire.turn.stream': outcome.stream,
    'gen_ai.request.model': context.body.model,
    'gen_ai.response.model': outcome.completion?.model,
    'portkey.trace_id': context.traceId,
    'portkey.span_id': context.spanId,
    'portkey.cache_status': outcome.cacheStatus ?? undefined,
  };
}

/**
 * The attributes of a turn that failed: refused by the endpoint (an invalid body, the policy,
 * `onRequest`), with the refusal's code as `error.type`, or failed after the policy let it
 * through.
 */
export function failedTurnAttributes<Req, Res>(
  error: unknown,
  context: ChatRequestContext<Req, Res> | undefined,
): TelemetryAttributes {
  if (ChatRequestError.isInstance(error)) {
    return { 'chatwire.turn.policy': 'refused', 'error.type': error.code ?? String(error.status) };
  }
  return {
    'chatwire.turn.policy': context === undefined ? undefined : 'accepted',
    'chatwire.turn.stop_reason': 'failed',
    'error.type': errorType(error),
    'portkey.trace_id': context?.traceId,
    'portkey.span_id': context?.spanId,
  };
}
