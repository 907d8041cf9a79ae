import type { BodyLimits, RequestView } from '../edge/exchange.js';
import { exceedsJsonDepth } from '../json-depth.js';
import { jsonTooDeepError } from '../request-errors.js';

export type { BodyLimits } from '../edge/exchange.js';

/**
 * The body step: the body the server's edge read within the limits (or a framework parsed), and
 * a body nested deeper than the limit refused with 400, before anything recursive walks it.
 */
export async function readRequestBody<Req>(
  request: RequestView<Req>,
  limits: BodyLimits,
): Promise<unknown> {
  const body = await request.readBody(limits);
  if (exceedsJsonDepth(body, limits.depth)) throw jsonTooDeepError(limits.depth);
  return body;
}
