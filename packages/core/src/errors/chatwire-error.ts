/** Base class of every error chatwire throws, so callers can catch them all with one check. */
export class ChatwireError extends Error {
  override name = 'ChatwireError';
}

/**
 * An option given to chatwire cannot be used as it is (a header value with a line break, a
 * metadata value that is too long, …). `option` names the offending option.
 */
export class InvalidOptionError extends ChatwireError {
  override name = 'InvalidOptionError';

  constructor(
    /** The name of the option that was refused, e.g. `metadata._user`. */
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}
