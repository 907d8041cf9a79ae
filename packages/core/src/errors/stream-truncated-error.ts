import type { ChatCompletion } from '../types/index.js';
import { ChatwireError } from './chatwire-error.js';

/**
 * A streamed answer ended before it was complete: the body closed without `data: [DONE]` and
 * without a `finish_reason` on every choice. Gateways do this when the upstream provider fails
 * after the stream has begun and no error event is sent.
 *
 * The text received so far is kept in {@link StreamTruncatedError.partialCompletion}, so a user
 * interface can keep showing it next to the error instead of presenting it as a short answer.
 */
export class StreamTruncatedError extends ChatwireError {
  static override readonly brand: string = 'StreamTruncatedError';

  constructor(
    /**
     * Everything accumulated before the stream ended; choices that had not finished have a
     * `finish_reason` of `null`.
     */
    readonly partialCompletion: ChatCompletion,
  ) {
    super(
      'The stream ended before the answer was complete (no [DONE] and no finish_reason); the ' +
        'partial answer is in `partialCompletion`.',
    );
  }
}
