import type { RequestOptions } from '../../client/index.js';
import type { ChatCompletionsHandlerOptions, ChatRequestContext } from '../handler-options.js';

type PortkeyOptions = ChatCompletionsHandlerOptions['portkeyOptions'];

/** The per-attempt deadlines of the upstream call, in milliseconds. */
export interface AttemptTimeouts {
  /** Until the response headers (a whole answer: all of it). */
  readonly timeout: number;
  /** Between two chunks of a stream. */
  readonly idleTimeout: number;
}

/** What the upstream call is made with. */
export interface UpstreamRequest {
  /** The turn, with the trace id `portkeyOptions` chose when it chose one. */
  context: ChatRequestContext;
  /** The request options of the upstream call: Portkey options, trace id and abort signal. */
  options: RequestOptions;
}

function hasKeys(record: object): boolean {
  for (const _ in record) return true;
  return false;
}

/**
 * The Portkey options step: asks `portkeyOptions` for this request's options (a `traceId`
 * returned there wins over the incoming one) and adds the trace id, the abort signal and the
 * server's deadlines (a `timeout` or `idleTimeout` returned there wins).
 */
export async function upstreamRequest(
  portkeyOptions: PortkeyOptions,
  context: ChatRequestContext,
  signal: AbortSignal,
  timeouts: AttemptTimeouts,
): Promise<UpstreamRequest> {
  const upstream =
    (portkeyOptions === undefined ? undefined : await portkeyOptions(context.request, context)) ??
    {};
  const chosen = upstream.traceId;
  const turn =
    typeof chosen === 'string' && chosen !== context.traceId
      ? { ...context, traceId: chosen }
      : context;
  const traceId = turn.traceId;
  const options = hasKeys(upstream)
    ? { ...timeouts, ...upstream, traceId, signal }
    : // Sent as a header rather than an option: the client then reuses its prebuilt headers.
      { ...timeouts, headers: { 'x-portkey-trace-id': traceId }, signal };
  return { context: turn, options };
}
