import { validateChatCompletions } from './chat-completions-validation.js';
import { CompletionCache } from './completion-cache.js';
import { guardrailDenial } from './guardrail-results.js';
import { type HttpContext, sendJson } from './http-context.js';
import { answerHeaders, routingHeaders } from './portkey-response-headers.js';
import { sendCompletion } from './send-completion.js';
import { sendFailure } from './send-failure.js';
import { planTargets } from './target-plan.js';
import { runTargets } from './target-runner.js';

function parseTimeout(raw: string | undefined): number | undefined {
  const value = Number(raw);
  return raw !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * `POST /v1/chat/completions`. A request carrying any `x-portkey-*` header is answered as Portkey
 * would (header validation, config retry/fallback/cache/timeout, `x-portkey-*` response headers,
 * provider errors prefixed with the provider name); one without is answered as the provider
 * itself, which is what a gateway placed in front of the emulator expects.
 */
export async function handleChatCompletions(ctx: HttpContext): Promise<void> {
  const valid = validateChatCompletions(ctx, ctx.settings.strictGateway);
  if (!valid.ok) return sendJson(ctx, 400, valid.body);
  const { options, json, request, scenario } = valid;
  const headers = answerHeaders(ctx, options);
  if (scenario.name === 'guardrail-deny') return sendJson(ctx, 446, guardrailDenial(), headers);

  const cache = new CompletionCache(ctx, options);
  const cached = cache.lookup();
  if (cached) {
    const report = { cacheStatus: 'HIT', retryCount: 0, targetPath: 'config' };
    return sendCompletion(
      ctx,
      { ok: true, request, scenario, rendered: cached },
      { ...headers, ...routingHeaders(options, report) },
    );
  }

  const timeout = options ? parseTimeout(ctx.headers['x-portkey-request-timeout']) : undefined;
  const targets = planTargets(options?.config, timeout);
  // A gateway's retries of one request share its trace id, or else its body.
  const failureKey = ctx.headers['x-portkey-trace-id'] || ctx.body;
  const { outcome, target, retryCount } = await runTargets(ctx, json, targets, failureKey);
  if (ctx.signal.aborted) return;
  const report = { cacheStatus: cache.missStatus, retryCount, targetPath: target.path };
  const answered = { ...headers, ...routingHeaders(options, report) };
  if (!outcome.ok) return sendFailure(ctx, outcome, options, answered);
  cache.store(outcome.rendered);
  return sendCompletion(ctx, outcome, answered);
}
