import type { IncomingMessage } from 'node:http';
import { exceedsJsonDepth } from '../json-depth.js';
import { isJsonContentType, readJsonBody } from '../read-json-body.js';
import { jsonTooDeepError, unsupportedMediaTypeError } from '../request-errors.js';

/** The limits a request body is read within. */
export interface BodyLimits {
  /** The most bytes read (413 beyond). */
  readonly bytes: number;
  /** The most levels of arrays and objects (400 beyond). */
  readonly depth: number;
  /** Milliseconds the body may take to arrive (408 beyond). */
  readonly timeoutMs: number;
}

/**
 * The body step: the body a framework parsed already, or the one read here within the limits.
 * Either way a body not sent as JSON is refused with 415, so a body that a form parser made
 * from a cross-site form post never reaches the upstream, and a body nested deeper than the
 * limit with 400, before anything recursive walks it.
 */
export async function readRequestBody(
  request: IncomingMessage,
  parsedBody: unknown,
  limits: BodyLimits,
): Promise<unknown> {
  let body = parsedBody;
  if (body === undefined) {
    body = await readJsonBody(request, { limit: limits.bytes, timeoutMs: limits.timeoutMs });
  } else if (!isJsonContentType(request.headers['content-type'])) {
    throw unsupportedMediaTypeError();
  }
  if (exceedsJsonDepth(body, limits.depth)) throw jsonTooDeepError(limits.depth);
  return body;
}
