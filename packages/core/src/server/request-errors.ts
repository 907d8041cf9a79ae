import { ChatRequestError } from '../errors/chat-request-error.js';

/** The 400 for a body that is not valid JSON (`invalid_json`). */
export function invalidJsonError(): ChatRequestError {
  return new ChatRequestError({
    status: 400,
    message: 'The request body is not valid JSON.',
    code: 'invalid_json',
  });
}

/**
 * The 413 for a body over the size limit (`request_too_large`). `limit`, in bytes, is named in
 * the message when known.
 */
export function requestTooLargeError(limit?: number): ChatRequestError {
  return new ChatRequestError({
    status: 413,
    message:
      limit === undefined
        ? 'The request body is too large.'
        : `The request body is larger than ${limit} bytes.`,
    code: 'request_too_large',
  });
}

/**
 * The 415 for a body that is not sent as JSON (`unsupported_media_type`). A cross-site form can
 * post `application/x-www-form-urlencoded`, `multipart/form-data` or `text/plain` without a
 * CORS preflight; JSON cannot, so refusing every other type keeps such posts out.
 */
export function unsupportedMediaTypeError(): ChatRequestError {
  return new ChatRequestError({
    status: 415,
    message: "The request body must be JSON, sent with 'Content-Type: application/json'.",
    code: 'unsupported_media_type',
  });
}
