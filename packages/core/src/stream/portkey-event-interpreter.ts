import type { PortkeyResponseMeta } from '../client/response-meta.js';
import { APIError } from '../errors/api-errors.js';
import { ChatwireError } from '../errors/chatwire-error.js';
import { StreamTruncatedError } from '../errors/stream-truncated-error.js';
import { redactHeaders, redactText, redactValue } from '../secrets/index.js';
import type { ServerSentEvent } from '../sse/index.js';
import type { ChatCompletion, ChatCompletionChunk } from '../types/index.js';
import { ChatCompletionAccumulator } from './chat-completion-accumulator.js';
import type { PortkeyHookResults } from './portkey-hook-results.js';

const DONE = '[DONE]';

function noSecrets(): readonly string[] {
  return [];
}

/**
 * Reads the events of one Portkey stream, in order, into what they mean: the chunks of the
 * answer (merged as they pass), the `hook_results` ahead of the answer and after it, the
 * events after `data: [DONE]`, and the error an `event: error` (or an `{"error": …}` chunk)
 * reports.
 */
export class PortkeyEventInterpreter {
  readonly #meta: PortkeyResponseMeta;
  readonly #secrets: () => readonly string[];
  readonly #accumulator = new ChatCompletionAccumulator();
  readonly #afterDoneChunks: unknown[] = [];
  #hookResults: PortkeyHookResults | undefined;
  #serverError: APIError | undefined;
  #sawDone = false;
  #firstChunk: (() => void) | undefined;

  /**
   * @param meta The response the events are the body of, for the errors they report.
   * @param secrets The request's credentials, redacted from those errors.
   * @param firstChunk Called when the first chunk of the answer arrives.
   */
  constructor(
    meta: PortkeyResponseMeta,
    secrets: () => readonly string[] = noSecrets,
    firstChunk?: () => void,
  ) {
    this.#meta = meta;
    this.#secrets = secrets;
    this.#firstChunk = firstChunk;
  }

  /** The `hook_results` received so far, merged; `undefined` while there were none. */
  get hookResults(): PortkeyHookResults | undefined {
    return this.#hookResults;
  }

  /** The data of every event after `data: [DONE]`, parsed as JSON where it is JSON. */
  get afterDoneChunks(): readonly unknown[] {
    return this.#afterDoneChunks;
  }

  /** Whether `data: [DONE]` has arrived: the answer is complete. */
  get sawDone(): boolean {
    return this.#sawDone;
  }

  /** The error the stream reported before `[DONE]`, if it did. */
  get serverError(): APIError | undefined {
    return this.#serverError;
  }

  /** The chunks of the answer received so far, merged into one completion. */
  get completion(): ChatCompletion {
    return this.#accumulator.completion;
  }

  /**
   * Takes one event into the answer: returns the chunk to hand out, if it is one. An error
   * event (or error chunk) before `[DONE]` is kept in {@link serverError} rather than thrown,
   * so that the caller can pass the event on first.
   *
   * @throws ChatwireError when a data event before `[DONE]` is not a JSON object.
   */
  receive(event: ServerSentEvent): ChatCompletionChunk | undefined {
    if (this.#sawDone) {
      this.#captureAfterDone(event.data);
      return undefined;
    }
    if (event.event === 'error') {
      this.#serverErrorFrom(parseOrKeep(event.data));
      return undefined;
    }
    if (event.data === DONE) {
      this.#sawDone = true;
      return undefined;
    }
    if (event.event !== 'message' || event.data.trim() === '') {
      this.#captureHookResults(parseOrKeep(event.data));
      return undefined;
    }
    const payload = parseJSONObject(event.data, this.#secrets);
    if (payload.error) {
      this.#serverErrorFrom(payload);
      return undefined;
    }
    return this.#chunkFrom(payload);
  }

  /**
   * The error of a body that ended here, when that cuts the answer short: no `[DONE]`, and
   * some choice without its `finish_reason`. Several providers behind Portkey never send
   * `[DONE]`, so an answer whose every choice finished is whole without it.
   */
  truncationAtEnd(): StreamTruncatedError | undefined {
    if (this.#sawDone || this.#accumulator.allChoicesFinished) return undefined;
    return new StreamTruncatedError(this.#accumulator.completion);
  }

  /**
   * Turns one data event before `[DONE]` into the chunk to yield, or `undefined` for the chunk
   * that only carries `hook_results`.
   */
  #chunkFrom(payload: Record<string, unknown>): ChatCompletionChunk | undefined {
    if (this.#captureHookResults(payload) && !('choices' in payload)) return undefined;
    if (!Array.isArray(payload.choices)) payload.choices = [];
    const chunk = payload as unknown as ChatCompletionChunk;
    if (this.#firstChunk !== undefined) {
      const firstChunk = this.#firstChunk;
      this.#firstChunk = undefined;
      firstChunk();
    }
    this.#accumulator.add(chunk);
    return chunk;
  }

  /** Keeps the `hook_results` of a payload, if it has some; tells whether it had. */
  #captureHookResults(payload: unknown): boolean {
    if (!isObject(payload) || !isObject(payload.hook_results)) return false;
    this.#hookResults = { ...this.#hookResults, ...payload.hook_results };
    return true;
  }

  #captureAfterDone(data: string): void {
    const payload = parseOrKeep(data);
    this.#afterDoneChunks.push(payload);
    this.#captureHookResults(payload);
  }

  #serverErrorFrom(body: unknown): void {
    const secrets = this.#secrets();
    this.#serverError = APIError.generate(
      undefined,
      redactValue(body, secrets),
      undefined,
      redactHeaders(this.#meta.headers, secrets),
      this.#meta.traceId,
    );
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJSONObject(data: string, secrets: () => readonly string[]): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    // Not the parser's error as the cause: its message quotes the data, secrets and all.
    throw new ChatwireError(`A stream event was not valid JSON: ${quote(data, secrets())}`);
  }
  if (!isObject(parsed)) {
    throw new ChatwireError(`A stream event was not a JSON object: ${quote(data, secrets())}`);
  }
  return parsed;
}

function parseOrKeep(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/** The start of an event's data for a message, with the request's credentials redacted. */
function quote(data: string, secrets: readonly string[]): string {
  const redacted = redactText(data, secrets);
  return redacted.length > 200 ? `${redacted.slice(0, 200)}…` : redacted;
}
