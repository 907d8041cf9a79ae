import type { ChatCompletion } from '../types/index.js';

/** Told how a streamed answer goes, for telemetry; see `ChatCompletionStreamInit.observer`. */
export interface StreamObserver {
  /** The first chunk of the answer arrived. */
  firstChunk(): void;
  /** The answer arrived whole: read to its end, with or without `[DONE]`. */
  answered(completion: ChatCompletion): void;
  /** The call failed: an error event, a truncation, an abort, a lost connection. */
  failed(error: unknown): void;
}
