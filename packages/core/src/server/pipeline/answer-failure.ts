import type { ResponseSink } from '../edge/exchange.js';
import { type ErrorResponseOptions, toErrorResponse } from '../error-response.js';
import type { ChatRequestContext } from '../handler-options.js';
import { setUpstreamErrorHeaders } from '../response-headers.js';
import type { FinishReport } from './finish-report.js';

/** Where a failed turn stood when it failed. */
export interface FailedTurn<Req, Res> {
  readonly response: ResponseSink<Res>;
  /** Aborted when the browser left. */
  readonly signal: AbortSignal;
  /** The turn, once the body passed validation and policy. */
  readonly context: ChatRequestContext<Req, Res> | undefined;
  /** How much of an upstream's error the browser is told. */
  readonly answerOptions: ErrorResponseOptions;
}

/**
 * Ends a turn that failed before or while answering: an OpenAI-shaped error answer and
 * `onError`, or, when the browser left before the answer began, only `onFinish` with `aborted`.
 */
export async function answerFailure<Req, Res>(
  error: unknown,
  { response, signal, context, answerOptions }: FailedTurn<Req, Res>,
  report: FinishReport<Req, Res>,
): Promise<void> {
  if (signal.aborted) {
    // The browser left before the answer began: nobody is left to answer.
    if (context === undefined) return;
    await report.finish(context, {
      stream: context.body.stream === true,
      status: 0,
      cacheStatus: null,
      aborted: true,
      completion: undefined,
      firstByteAt: undefined,
    });
    return;
  }
  writeFailure(error, response, answerOptions);
  await report.error(error, context);
}

/**
 * Writes the OpenAI-shaped error answer of `error`, with the upstream's headers; a refusal
 * sent before the body was read closes the connection after it. An answer that has begun
 * already is only ended: its status is sent, and a stream's error event is its writer's job.
 */
export function writeFailure(
  error: unknown,
  response: ResponseSink<unknown>,
  answerOptions: ErrorResponseOptions,
): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  const answer = toErrorResponse(error, answerOptions);
  if (answer.status === 405 && !response.hasHeader('allow')) response.setHeader('allow', 'POST');
  response.closeAfter(answer.status);
  setUpstreamErrorHeaders(response, error);
  response.sendJson(answer.status, JSON.stringify(answer.body));
}
