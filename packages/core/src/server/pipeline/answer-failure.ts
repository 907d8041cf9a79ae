import type { ServerResponse } from 'node:http';
import { type ErrorResponseOptions, toErrorResponse } from '../error-response.js';
import type { ChatRequestContext } from '../handler-options.js';
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
  const answer = toErrorResponse(error, answerOptions);
  if (!response.headersSent) {
    if (answer.status === 413 || answer.status === 405) response.setHeader('connection', 'close');
    if (answer.status === 405) response.setHeader('allow', 'POST');
  }
  writeErrorResponse(response, answer);
  await report.error(error, context);
}
