import type { ChatTransport } from '../chat/chat-transport.js';
import type { ParseableResponseFormat } from './parseable-response-format.js';

/** Options of one {@link StructuredStore.submit} call, merged over the store's. */
export interface StructuredRequestOptions {
  /** Extra body fields for this request. */
  body?: Record<string, unknown>;
  /** Extra request headers for this request. */
  headers?: Record<string, string>;
}

/** How a structured request ended, given to `onFinish`. */
export interface StructuredFinishEvent<T> {
  /** The checked object; `undefined` when the model refused. */
  object: T | undefined;
  /** The model's refusal, when it refused. */
  refusal: string | undefined;
}

/** Options of a {@link StructuredStore}. */
export interface StructuredStoreOptions<T> {
  /** The shape of the answer: made by `zodResponseFormat` or `jsonSchemaResponseFormat`. */
  responseFormat: ParseableResponseFormat<T>;
  /** The endpoint to `POST` to. Defaults to `/api/chat`. */
  api?: string;
  /** The `fetch` to use; called bound to `globalThis`. Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** The request's `credentials` mode. */
  credentials?: RequestCredentials;
  /** A transport of your own (as the chat store takes); wins over `api`, `fetch` and `credentials`. */
  transport?: ChatTransport;
  /** Extra body fields sent with every request (`model`, `temperature`, …). */
  body?: Record<string, unknown>;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /**
   * The least time between two updates while the object streams in: unset waits for the next
   * animation frame (16 ms without one), `0` updates on every chunk.
   */
  throttleMs?: number;
  /** Called when a request ends with a valid object or a refusal. */
  onFinish?: (event: StructuredFinishEvent<T>) => void;
  /**
   * Called with the error that ended a request: an `APIError`, or a `StructuredOutputError`
   * when the answer broke the schema.
   */
  onError?: (error: Error) => void;
}
