import type { ObservedAbortController } from '../stream/observed-abort-controller.js';
import type { HeaderLookup } from './response-meta.js';

/** One HTTP attempt, as the client hands it to a transport (which knows the URL). */
export interface TransportRequest {
  readonly headers: Record<string, string>;
  readonly body: string;
  /** Aborts the attempt: before the answer, or while its body is read. */
  readonly controller: ObservedAbortController;
}

/** The answer to one attempt, once its headers have arrived. */
export interface TransportResponse {
  readonly status: number;
  /** Reads one header without building a `Headers` object. */
  readonly lookup: HeaderLookup;
  /** Builds (or returns) the full `Headers` of the answer. */
  makeHeaders(): Headers;
  /** The whole body, read once. */
  bytes(): Promise<Uint8Array>;
  /** The body as it arrives, for streams. */
  readonly body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | null;
}

/** Sends a client's requests to its endpoint over one runtime's HTTP stack. */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Closes pooled connections; requests after this fail. */
  close(): Promise<void>;
}
