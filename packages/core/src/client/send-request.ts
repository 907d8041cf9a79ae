import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from '../errors/api-errors.js';
import {
  redactHeaders,
  redactText,
  redactUrlCredentials,
  redactValue,
  secretValuesOf,
} from '../secrets/index.js';
import { ChatCompletionStream } from '../stream/index.js';
import { ObservedAbortController, whenSignalAborts } from '../stream/observed-abort-controller.js';
import type { ChatCompletion } from '../types/index.js';
import type { CallObserver } from './call-observer.js';
import { isNetworkFailure } from './network-failure.js';
import { attachMeta, buildResponseMeta, type ChatCompletionWithMeta } from './response-meta.js';
import { isRetryableStatus, retryDelay } from './retry-policy.js';
import { Deadline, sleep, watchIdle } from './timeouts.js';
import type { Transport, TransportResponse } from './transport.js';

/** Everything one call needs, resolved from the client and the call's options. */
export interface Call {
  readonly transport: Transport;
  readonly baseURL: string;
  readonly headers: Record<string, string>;
  readonly traceId: string;
  readonly body: string;
  readonly timeout: number;
  /** Between two chunks of a stream. */
  readonly idleTimeout: number;
  readonly maxRetries: number;
  readonly signal: AbortSignal | undefined;
  /** Told of retries and of how a stream goes, for telemetry. */
  readonly observer?: CallObserver | undefined;
}

const utf8 = new TextDecoder();

/**
 * The credentials among the call's headers, worked out on the first error that needs them: an
 * upstream may echo them in what it answers, and no error may carry them on.
 */
function secretsOf(call: Call): () => readonly string[] {
  let secrets: readonly string[] | undefined;
  return () => {
    secrets ??= secretValuesOf(call.headers);
    return secrets;
  };
}

/** The message with the call's credentials taken out. */
function redactMessage(message: string, call: Call): string {
  return redactText(message, secretValuesOf(call.headers));
}

function noop(): void {}

/** Forwards the caller's abort to one attempt's controller; returns the undo. */
function linkSignal(signal: AbortSignal | undefined, controller: AbortController): () => void {
  if (signal === undefined) return noop;
  return whenSignalAborts(signal, (reason) => controller.abort(reason));
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const code = (cause as { code?: unknown }).code;
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return `${cause.message}${inner}${typeof code === 'string' ? ` (${code})` : ''}`;
}

/**
 * Names why an attempt produced no usable answer. Only a network failure becomes an
 * `APIConnectionError`, the one kind that is retried; anything else (a request undici refuses,
 * a bug in a custom `fetch`) is thrown as it is.
 */
function attemptFailure(cause: unknown, attempt: AbortSignal, call: Call): unknown {
  if (call.signal?.aborted) {
    return new APIUserAbortError({ cause: call.signal.reason, traceID: call.traceId });
  }
  if (attempt.aborted && attempt.reason instanceof APIConnectionTimeoutError) return attempt.reason;
  if (cause instanceof APIError || !isNetworkFailure(cause)) return cause;
  return new APIConnectionError({
    message: redactMessage(
      `Connection error: could not get an answer from ${redactUrlCredentials(call.baseURL)} (${describeCause(cause)}). Check the baseURL option (or PORTKEY_BASE_URL) and that the gateway is reachable.`,
      call,
    ),
    cause,
    traceID: call.traceId,
  });
}

function midStreamFailure(cause: unknown, call: Call): APIConnectionError {
  return new APIConnectionError({
    message: redactMessage(
      `Connection error: the stream from ${redactUrlCredentials(call.baseURL)} broke off (${describeCause(cause)}). A stream that has begun is not retried; call again to start over.`,
      call,
    ),
    cause,
    traceID: call.traceId,
  });
}

function parseBody(bytes: Uint8Array): unknown {
  const text = utf8.decode(bytes);
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function successBody(bytes: Uint8Array, response: TransportResponse, call: Call): ChatCompletion {
  const text = utf8.decode(bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const secrets = secretValuesOf(call.headers);
    const body = redactText(text, secrets);
    throw new APIError(
      response.status,
      body,
      `The server answered ${response.status} with a body that is not a JSON object: ${JSON.stringify(body.slice(0, 200))}. Check that baseURL points at a Portkey gateway.`,
      redactHeaders(response.makeHeaders(), secrets),
      call.traceId,
    );
  }
  return parsed as ChatCompletion;
}

/** Sends a call, retrying what may be retried; resolves to a completion or a stream. */
export async function sendRequest(call: Call, streaming: false): Promise<ChatCompletionWithMeta>;
export async function sendRequest(call: Call, streaming: true): Promise<ChatCompletionStream>;
export async function sendRequest(
  call: Call,
  streaming: boolean,
): Promise<ChatCompletionWithMeta | ChatCompletionStream> {
  const secrets = secretsOf(call);
  for (let retriesDone = 0; ; retriesDone++) {
    const canRetry = retriesDone < call.maxRetries;
    const controller = new ObservedAbortController();
    const unlink = linkSignal(call.signal, controller);
    const deadline = new Deadline(controller, call.timeout, call.traceId);
    let response: TransportResponse;
    try {
      response = await call.transport.send({
        headers: call.headers,
        body: call.body,
        controller,
      });
    } catch (cause) {
      deadline.clear();
      unlink();
      const error = attemptFailure(cause, controller.signal, call);
      if (!canRetry || !(error instanceof APIConnectionError)) throw error;
      call.observer?.retrying(error);
      await backoff(call, retriesDone, undefined);
      continue;
    }

    const status = response.status;
    if (status >= 200 && status < 300) {
      const meta = buildResponseMeta(status, response.lookup, response.makeHeaders, call.traceId);
      if (streaming) {
        const idle = streamDeadline(deadline, controller, call);
        const body = watchIdle(response.body, idle, unlink, (cause) =>
          controller.signal.aborted ? cause : midStreamFailure(cause, call),
        );
        return new ChatCompletionStream(body, {
          controller,
          meta,
          secrets,
          observer: call.observer,
        });
      }
      deadline.phase = 'body';
      let bytes: Uint8Array;
      try {
        bytes = await response.bytes();
      } catch (cause) {
        const error = attemptFailure(cause, controller.signal, call);
        if (!canRetry || !(error instanceof APIConnectionError)) throw error;
        call.observer?.retrying(error);
        await backoff(call, retriesDone, undefined);
        continue;
      } finally {
        deadline.clear();
        unlink();
      }
      return attachMeta(successBody(bytes, response, call), meta);
    }

    deadline.phase = 'body';
    let errorBody: unknown;
    try {
      errorBody = parseBody(await response.bytes());
    } catch (cause) {
      const error = attemptFailure(cause, controller.signal, call);
      if (error instanceof APIUserAbortError) throw error;
      errorBody = undefined;
    } finally {
      deadline.clear();
      unlink();
    }
    if (canRetry && isRetryableStatus(status, response.lookup)) {
      call.observer?.retrying(status);
      await backoff(call, retriesDone, response);
      continue;
    }
    throw APIError.generate(
      status,
      redactValue(errorBody, secrets()),
      undefined,
      redactHeaders(response.makeHeaders(), secrets()),
      call.traceId,
    );
  }
}

/** The deadline between a stream's chunks: the attempt's own, unless `idleTimeout` differs. */
function streamDeadline(deadline: Deadline, controller: AbortController, call: Call): Deadline {
  let idle = deadline;
  if (call.idleTimeout !== call.timeout) {
    deadline.clear();
    idle = new Deadline(controller, call.idleTimeout, call.traceId);
  }
  idle.phase = 'stream';
  idle.disarm();
  return idle;
}

function backoff(
  call: Call,
  retriesDone: number,
  response: TransportResponse | undefined,
): Promise<void> {
  return sleep(
    retryDelay(retriesDone, response?.lookup),
    call.signal,
    () => new APIUserAbortError({ cause: call.signal?.reason, traceID: call.traceId }),
  );
}
