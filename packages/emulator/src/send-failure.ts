import type { OpenAIErrorBody } from './error-bodies.js';
import { type HttpContext, sendJson } from './http-context.js';
import type { PortkeyRequestOptions } from './portkey-validation.js';
import type { ProviderFailure } from './provider-outcome.js';

/** A provider's error as Portkey passes it on: the message prefixed with the provider's name. */
function providerError(
  error: OpenAIErrorBody['error'],
  provider: string,
): OpenAIErrorBody & { provider: string } {
  return { error: { ...error, message: `${provider} error: ${error.message}` }, provider };
}

/** Sends a failed outcome with its status and headers, as Portkey or as the provider would. */
export function sendFailure(
  ctx: HttpContext,
  outcome: ProviderFailure,
  options: PortkeyRequestOptions | undefined,
  headers: Record<string, string>,
): void {
  const { failure } = outcome;
  const body =
    options && !outcome.fromGateway
      ? providerError(failure.body.error, options.provider)
      : failure.body;
  sendJson(ctx, failure.status, body, { ...failure.headers, ...headers });
}
