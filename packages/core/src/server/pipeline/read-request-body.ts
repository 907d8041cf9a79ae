import type { IncomingMessage } from 'node:http';
import { isJsonContentType, readJsonBody } from '../read-json-body.js';
import { unsupportedMediaTypeError } from '../request-errors.js';

/**
 * The body step: the body a framework parsed already, or the one read here within `limit`.
 * Either way a body not sent as JSON is refused with 415, so a body that a form parser made
 * from a cross-site form post never reaches the upstream.
 */
export function readRequestBody(
  request: IncomingMessage,
  parsedBody: unknown,
  limit: number,
): unknown {
  if (parsedBody === undefined) return readJsonBody(request, { limit });
  if (isJsonContentType(request.headers['content-type'])) return parsedBody;
  throw unsupportedMediaTypeError();
}
