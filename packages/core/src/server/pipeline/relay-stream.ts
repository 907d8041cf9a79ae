import { APIUserAbortError } from '../../errors/index.js';
import type { ChatCompletion, ChatCompletionChunk } from '../../types/index.js';
import type { ResponseSink } from '../edge/exchange.js';
import { type ErrorResponseOptions, toErrorResponse } from '../error-response.js';
import type { ChatRequestContext } from '../handler-options.js';
import { answerHeaders } from '../response-headers.js';
import type { StreamedAnswer } from './call-upstream.js';
import type { FinishReport } from './finish-report.js';

/** The usage-only chunk of a stream: the token counts, with no choice in it. */
function isUsageOnlyChunk(chunk: ChatCompletionChunk): boolean {
  return chunk.choices.length === 0 && chunk.usage != null;
}

/**
 * The answer step for a stream: the upstream's events passed on as they come (their bytes, not
 * re-encoded), with backpressure and keep-alive; a failure after the start, an upstream
 * `event: error` included, sent as an `event: error` of our own shape and wording. Leaving
 * early (the browser went away) aborts the upstream call.
 */
export async function relayStream<Req, Res>(
  context: ChatRequestContext<Req, Res>,
  response: ResponseSink<Res>,
  { stream, usageForBrowser, explainFailure }: StreamedAnswer,
  keepAliveMs: number | undefined,
  report: FinishReport<Req, Res>,
  answerOptions: ErrorResponseOptions = {},
): Promise<void> {
  const meta = stream.meta;
  const headers = answerHeaders(meta, context.traceId);
  const writer = response.openEventStream(meta.status, headers, keepAliveMs);
  let firstByteAt: number | undefined;
  let readError: unknown;
  try {
    // Usage asked for on the browser's behalf stays here: a usage-only chunk (`choices: []`)
    // would break clients that read `chunk.choices[0]` without asking for it.
    // An upstream error event may carry anything (echoed request headers, say): it is
    // re-encoded below rather than passed on.
    const events = stream.eventBytes({
      omitChunk: usageForBrowser ? undefined : isUsageOnlyChunk,
      omitErrorEvent: true,
    });
    for await (const bytes of events) {
      firstByteAt ??= performance.now();
      if (!writer.write(bytes)) await writer.drained();
      // Leaving the loop aborts the upstream call.
      if (writer.closed) break;
    }
  } catch (error) {
    readError = explainFailure(error);
  }
  const browserLeft = writer.closed;

  let completion: ChatCompletion | undefined;
  let outcome: unknown;
  try {
    completion = await stream.finalChatCompletion();
  } catch (error) {
    outcome = error;
  }
  const failure = readError ?? outcome;
  if (!browserLeft) {
    // A broken connection, a truncation or the upstream's error event: told before closing.
    if (failure === undefined) writer.end();
    else writer.fail(toErrorResponse(failure, answerOptions).body);
  }
  if (failure !== undefined && !browserLeft && !APIUserAbortError.isInstance(failure)) {
    await report.error(failure, context);
    return;
  }
  await report.finish(context, {
    stream: true,
    status: meta.status,
    cacheStatus: meta.cacheStatus,
    aborted: browserLeft,
    completion,
    firstByteAt,
  });
}
