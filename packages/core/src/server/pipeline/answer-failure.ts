import type { ServerResponse } from 'node:http';
import { closeAfterAnswer } from '../close-after-answer.js';
import { type ErrorResponseOptions, toErrorResponse } from '../error-response.js';
import type { ChatRequestContext } from '../handler-options.js';
import { setUpstreamErrorHeaders } from '../response-headers.js';
import { writeErrorResponse } from '../write-json-response.js';
import type { FinishReport } from './finish-report.js';

/** Where a failed turn stood when it failed. */
export interface FailedTurn {
  readonly response: ServerResponse;
  /** Aborted when the browser left. */
  readonly signal: AbortSignal;
  /** The turn, once the body passed validation and policy. */
  readonly context: ChatRequestContext | undefined;
  /** How much of an upstream's error the browser is told. */
  readonly answerOptions: ErrorResponseOptions;
}

/**
 * Ends a turn that failed before or while answering: an OpenAI-shaped error answer and
 * `onError`, or, when the browser left before the answer began, only `onFinish` with `aborted`.
 */
export async function answerFailure(
  error: unknown,
  { response, signal, context, answerOptions }: FailedTurn,
  report: FinishReport,
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
 * sent before the body was read closes the connection after it.
 */
export function writeFailure(
  error: unknown,
  response: ServerResponse,
  answerOptions: ErrorResponseOptions,
): void {
  const answer = toErrorResponse(error, answerOptions);
  if (!response.headersSent) {
    if (answer.status === 405 && !response.hasHeader('allow')) response.setHeader('allow', 'POST');
    closeAfterAnswer(response, answer.status);
  }
  setUpstreamErrorHeaders(response, error);
  writeErrorResponse(response, answer);
}
