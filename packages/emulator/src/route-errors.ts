import { invalidRequest } from './error-bodies.js';
import { type HttpContext, sendJson } from './http-context.js';
import { isPortkeyRequest } from './portkey-request.js';

/**
 * Answers a path the emulator does not serve, by the package's rule. Portkey's gateway passes any
 * unknown path under `/v1/` on to the provider, so a client sees the provider's (OpenAI's) 404
 * there, as does a request without `x-portkey-*` headers, which is the provider's own. Only a
 * Portkey request outside `/v1/` gets the gateway's own body, `{message: 'Not Found', ok: false}`.
 */
export function sendNotFound(ctx: HttpContext, method: string, path: string): void {
  const gatewayOwn = isPortkeyRequest(ctx.headers) && !path.startsWith('/v1/');
  const body = gatewayOwn
    ? { message: 'Not Found', ok: false }
    : invalidRequest(`Invalid URL (${method} ${path})`);
  sendJson(ctx, 404, body);
}

/**
 * Answers a served path called with another method. Every served path is under `/v1/`, where the
 * gateway passes the request on to the provider, so the body is OpenAI-shaped for Portkey requests
 * too; the `allow` header names the methods that work.
 */
export function sendMethodNotAllowed(
  ctx: HttpContext,
  method: string,
  path: string,
  allowed: readonly string[],
): void {
  const allow = allowed.join(', ');
  sendJson(ctx, 405, invalidRequest(`Method ${method} is not allowed on ${path}; use ${allow}.`), {
    allow,
  });
}
