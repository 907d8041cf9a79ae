import type { RequestOptions } from '../../client/index.js';
import type { ChatCompletionsHandlerOptions, ChatRequestContext } from '../handler-options.js';

type PortkeyOptions = ChatCompletionsHandlerOptions['portkeyOptions'];

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
 * returned there wins over the incoming one) and adds the trace id and the abort signal.
 */
export async function upstreamRequest(
  portkeyOptions: PortkeyOptions,
  context: ChatRequestContext,
  signal: AbortSignal,
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
    ? { ...upstream, traceId, signal }
    : // Sent as a header rather than an option: the client then reuses its prebuilt headers.
      { headers: { 'x-portkey-trace-id': traceId }, signal };
  return { context: turn, options };
}
