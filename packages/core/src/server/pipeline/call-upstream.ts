import type { ChatCompletionWithMeta, ChatwireClient, RequestOptions } from '../../client/index.js';
import type { ChatCompletionStream } from '../../stream/index.js';
import type { ChatRequestContext } from '../handler-options.js';
import type { UpstreamDeadline } from './upstream-deadline.js';

/** A streamed answer of the upstream, to relay. */
export interface StreamedAnswer {
  readonly kind: 'stream';
  readonly stream: ChatCompletionStream;
  /** Whether the usage-only chunk goes on to the browser. */
  readonly usageForBrowser: boolean;
  /** Names a failure of the stream: a timeout when the turn's deadline ran out. */
  readonly explainFailure: (error: unknown) => unknown;
}

/** A whole completion the upstream answered with. */
export interface WholeAnswer {
  readonly kind: 'json';
  readonly completion: ChatCompletionWithMeta;
}

/** What the upstream answered: a stream to relay, or a whole completion. */
export type UpstreamAnswer = StreamedAnswer | WholeAnswer;

/**
 * The upstream step: sends the turn's body to Portkey. With `streamUsage`, a stream asks for
 * the usage chunk on the server's behalf; it reaches the browser only when the browser asked.
 * A call that fails because `deadline` ran out fails with a timeout.
 */
export async function callUpstream(
  client: ChatwireClient,
  context: ChatRequestContext<unknown, unknown>,
  options: RequestOptions,
  streamUsage: boolean,
  deadline: UpstreamDeadline,
): Promise<UpstreamAnswer> {
  try {
    return await send(client, context, options, streamUsage, deadline);
  } catch (error) {
    throw deadline.explain(error);
  }
}

async function send(
  client: ChatwireClient,
  context: ChatRequestContext<unknown, unknown>,
  options: RequestOptions,
  streamUsage: boolean,
  deadline: UpstreamDeadline,
): Promise<UpstreamAnswer> {
  const { body } = context;
  const completions = client.chat.completions;
  if (body.stream !== true) {
    return { kind: 'json', completion: await completions.create(body, options) };
  }
  const browserAskedUsage = body.stream_options?.include_usage === true;
  if (streamUsage && !browserAskedUsage) {
    body.stream_options = { ...body.stream_options, include_usage: true };
  }
  const stream = await completions.create(body, options);
  // Without streamUsage the upstream sends usage only when the browser asked for it.
  return {
    kind: 'stream',
    stream,
    usageForBrowser: browserAskedUsage || !streamUsage,
    explainFailure: deadline.explain,
  };
}
