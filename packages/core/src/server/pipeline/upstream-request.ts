import type { RequestOptions } from '../../client/index.js';
import type { ChatCompletionsHandlerOptions, ChatRequestContext } from '../handler-options.js';
import { type SpanLink, upstreamSpan } from './upstream-span.js';

export type { SpanLink } from './upstream-span.js';

type PortkeyOptions<Req, Res> = ChatCompletionsHandlerOptions<Req, Res>['portkeyOptions'];

/** The per-attempt deadlines of the upstream call, in milliseconds. */
export interface AttemptTimeouts {
  /** Until the response headers (a whole answer: all of it). */
  readonly timeout: number;
  /** Between two chunks of a stream. */
  readonly idleTimeout: number;
}

/** What the upstream call is made with. */
export interface UpstreamRequest<Req, Res> {
  /** The turn, with the trace id `portkeyOptions` chose when it chose one, and its span id. */
  context: ChatRequestContext<Req, Res>;
  /**
   * The request options of the upstream call: Portkey options, trace and span headers, abort
   * signal.
   */
  options: RequestOptions;
}

function hasKeys(record: object): boolean {
  for (const _ in record) return true;
  return false;
}

/**
 * The Portkey options step: asks `portkeyOptions` for this request's options (a `traceId`
 * returned there wins over the incoming one) and adds the trace id, the abort signal and the
 * server's deadlines (a `timeout` or `idleTimeout` returned there wins) and the call's span in
 * the turn's trace.
 */
export async function upstreamRequest<Req, Res>(
  portkeyOptions: PortkeyOptions<Req, Res>,
  context: ChatRequestContext<Req, Res>,
  signal: AbortSignal,
  timeouts: AttemptTimeouts,
  link: SpanLink,
): Promise<UpstreamRequest<Req, Res>> {
  const upstream =
    (portkeyOptions === undefined ? undefined : await portkeyOptions(context.request, context)) ??
    {};
  const chosen = upstream.traceId;
  const traceId = typeof chosen === 'string' ? chosen : context.traceId;
  const span = upstreamSpan(traceId, link, upstream);
  const turn = { ...context, traceId, spanId: span.spanId };
  const options = hasKeys(upstream)
    ? {
        ...timeouts,
        ...upstream,
        traceId,
        headers: { ...span.headers, ...upstream.headers },
        signal,
      }
    : // Sent as headers rather than options: the client then reuses its prebuilt headers.
      { ...timeouts, headers: { 'x-portkey-trace-id': traceId, ...span.headers }, signal };
  return { context: turn, options };
}
