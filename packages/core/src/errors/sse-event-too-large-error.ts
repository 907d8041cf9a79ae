import { ChatwireError } from './chatwire-error.js';

/**
 * An event (or one line of it) in a server-sent event stream grew past the decoder's
 * `maxEventBytes` limit. Decoding stops instead of buffering without bound.
 */
export class SSEEventTooLargeError extends ChatwireError {
  static override readonly brand: string = 'SSEEventTooLargeError';

  constructor(
    /** The limit that was exceeded, as given in `maxEventBytes`. */
    readonly maxEventBytes: number,
  ) {
    super(
      `A server-sent event exceeded the limit of ${maxEventBytes} bytes (maxEventBytes) before ` +
        'it was complete; decoding stopped.',
    );
  }
}
