import type { DeepPartial } from './partial-json.js';

/** Where a structured request stands. */
export type StructuredStatus = 'idle' | 'submitted' | 'streaming' | 'error';

/** A snapshot of a {@link StructuredStore}; a new object on every change. */
export interface StructuredState<T> {
  /** `submitted` until the answer starts, `streaming` while it arrives, then `idle` or `error`. */
  status: StructuredStatus;
  /** What has arrived of the object so far (the whole object once it is checked). */
  partialObject: DeepPartial<T> | undefined;
  /** The object checked against the schema; set once the answer is complete and valid. */
  object: T | undefined;
  /** The model's refusal, when it refused instead of answering. */
  refusal: string | undefined;
  /** The raw text of the answer so far. */
  text: string;
  /** What ended the request: an `APIError`, a `StructuredOutputError`, … */
  error: Error | undefined;
  /** Portkey's trace id of the request, when the server sent one. */
  traceId: string | undefined;
}

/** The state before any request. */
export function createInitialStructuredState<T>(): StructuredState<T> {
  return {
    status: 'idle',
    partialObject: undefined,
    object: undefined,
    refusal: undefined,
    text: '',
    error: undefined,
    traceId: undefined,
  };
}
