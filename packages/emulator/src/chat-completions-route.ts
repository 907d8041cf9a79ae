import { randomUUID } from 'node:crypto';
import { cacheKey } from './cache.js';
import type { ChatRequest } from './chat-request.js';
import {
  type RenderedCompletion,
  renderCompletion,
  toChatCompletion,
  toChunks,
} from './completion-builder.js';
import { invalidRequest, type OpenAIErrorBody } from './error-bodies.js';
import { GUARDRAIL_DENIED_MESSAGE, hookResult } from './guardrail-results.js';
import { type HttpContext, sendJson } from './http-context.js';
import { parseChatRequest } from './parse-chat-request.js';
import type { PortkeyRequestOptions } from './portkey-validation.js';
import { validatePortkeyHeaders } from './portkey-validation.js';
import { readScenario, type Scenario } from './scenarios.js';
import { scriptedReplies } from './scripted-assistant.js';
import { sleep } from './sleep.js';
import { SSEWriter } from './sse-writer.js';
import { type PlannedTarget, planTargets } from './target-plan.js';
import { type UpstreamFailure, upstreamFailure } from './upstream-failures.js';

const INVALID_JSON_MESSAGE =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)";

/** A success of the emulated provider, or its failure. */
type Outcome =
  | { ok: true; request: ChatRequest; scenario: Scenario; rendered: RenderedCompletion }
  | { ok: false; failure: UpstreamFailure; fromGateway: boolean };

/** Whether the request speaks to Portkey (any `x-portkey-*` header) rather than to the provider. */
function isPortkeyRequest(headers: Record<string, string>): boolean {
  return Object.keys(headers).some((name) => name.startsWith('x-portkey-'));
}

function tokenDelay(ctx: HttpContext, scenario: Scenario): number {
  if (scenario.name === 'slow-stream') return scenario.delayMs;
  const raw = Number(ctx.headers['x-emulator-token-delay-ms']);
  return Number.isFinite(raw) && raw >= 0 ? Math.min(raw, 60_000) : ctx.settings.tokenDelayMs;
}

function firstByteDelay(scenario: Scenario): number {
  return scenario.name === 'slow-first-byte' ? scenario.delayMs : 0;
}

/** How long the provider takes before its status line: the whole answer unless it streams. */
function timeToHeaders(ctx: HttpContext, outcome: Extract<Outcome, { ok: true }>): number {
  const { request, scenario, rendered } = outcome;
  if (request.stream) return firstByteDelay(scenario);
  const chunks = rendered.choices.reduce((sum, choice) => sum + choice.tokens.length + 1, 0);
  return firstByteDelay(scenario) + chunks * tokenDelay(ctx, scenario);
}

function timeoutFailure(ms: number): UpstreamFailure {
  return {
    status: 408,
    body: {
      error: {
        message: `Request exceeded the timeout sent in the request: ${ms}ms`,
        type: 'timeout_error',
        param: null,
        code: null,
      },
    },
    headers: {},
  };
}

function parseTimeout(raw: string | undefined): number | undefined {
  const value = Number(raw);
  return raw !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** One call to the emulated provider for one target. */
async function attempt(
  ctx: HttpContext,
  json: Record<string, unknown>,
  target: PlannedTarget,
  failureKey: string,
): Promise<Outcome> {
  const parsed = parseChatRequest({ ...json, ...target.overrideParams });
  if (!parsed.ok)
    return {
      ok: false,
      failure: { status: 400, body: parsed.error, headers: {} },
      fromGateway: false,
    };
  const scenario = readScenario(ctx.headers, parsed.request.model);
  if (!scenario.ok) {
    return {
      ok: false,
      failure: { status: 400, body: invalidRequest(scenario.message, 'model'), headers: {} },
      fromGateway: false,
    };
  }
  const failure = upstreamFailure(scenario.scenario, ctx.state.failures, failureKey);
  if (failure) return { ok: false, failure, fromGateway: false };
  const rendered = renderCompletion(parsed.request, scriptedReplies(parsed.request));
  const outcome: Outcome = {
    ok: true,
    request: parsed.request,
    scenario: scenario.scenario,
    rendered,
  };
  const timeout = target.requestTimeout;
  if (timeout !== undefined && timeToHeaders(ctx, outcome) > timeout) {
    await sleep(timeout, ctx.signal);
    return { ok: false, failure: timeoutFailure(timeout), fromGateway: true };
  }
  return outcome;
}

/** Runs the targets of a config with their retries, as the gateway does. */
async function runTargets(
  ctx: HttpContext,
  json: Record<string, unknown>,
  targets: PlannedTarget[],
  failureKey: string,
): Promise<{ outcome: Outcome; target: PlannedTarget; retryCount: number }> {
  let last: { outcome: Outcome; target: PlannedTarget; retryCount: number } | undefined;
  for (const target of targets) {
    const attempts = target.retry?.attempts ?? 0;
    let outcome = await attempt(ctx, json, target, failureKey);
    let retries = 0;
    const retriable = (result: Outcome) =>
      !result.ok && (target.retry?.onStatusCodes.includes(result.failure.status) ?? false);
    while (retriable(outcome) && retries < attempts && !ctx.signal.aborted) {
      retries++;
      outcome = await attempt(ctx, json, target, failureKey);
    }
    const exhausted = retries === attempts && attempts > 0 && retriable(outcome);
    last = { outcome, target, retryCount: exhausted ? -1 : retries };
    if (outcome.ok || !target.fallbackOn?.(outcome.failure.status)) break;
  }
  if (!last) throw new Error('A config always yields at least one target');
  return last;
}

function providerError(
  failure: UpstreamFailure,
  provider: string,
): OpenAIErrorBody & { provider: string } {
  return {
    error: { ...failure.body.error, message: `${provider} error: ${failure.body.error.message}` },
    provider,
  };
}

async function sendCompletion(
  ctx: HttpContext,
  outcome: Extract<Outcome, { ok: true }>,
  status: number,
  headers: Record<string, string>,
): Promise<void> {
  const { request, scenario, rendered } = outcome;
  const delay = tokenDelay(ctx, scenario);
  const warn = scenario.name === 'guardrail-warn';
  const answerStatus = warn ? 246 : status;
  if (!request.stream) {
    await sleep(timeToHeaders(ctx, outcome), ctx.signal);
    if (scenario.name === 'drop-connection') return ctx.dropConnection();
    const body = toChatCompletion(rendered);
    const hooks = warn
      ? {
          hook_results: {
            before_request_hooks: [hookResult(false, false)],
            after_request_hooks: [],
          },
        }
      : {};
    return sendJson(ctx, answerStatus, { ...body, ...hooks }, headers);
  }
  await sleep(firstByteDelay(scenario), ctx.signal);
  if (ctx.signal.aborted) return;
  const writer = new SSEWriter(ctx.res);
  writer.open(answerStatus, headers);
  if (scenario.name === 'hook-results' || warn) {
    writer.send(
      JSON.stringify({ hook_results: { before_request_hooks: [hookResult(!warn, false)] } }),
    );
  }
  const chunks = toChunks(rendered, request.includeUsage || scenario.name === 'usage-chunk');
  for (const [index, chunk] of chunks.entries()) {
    if (writer.closed) return;
    if (index === scenario.afterChunks) {
      if (scenario.name === 'drop-connection') return ctx.dropConnection();
      if (scenario.name === 'truncated') return writer.end();
      if (scenario.name === 'error-event') {
        const error = {
          error: {
            message: 'The emulated provider failed in the middle of the answer.',
            type: 'server_error',
            code: null,
          },
        };
        writer.send(JSON.stringify(error), 'error');
        return writer.end();
      }
    }
    if (scenario.name === 'ping' && index % 2 === 0) writer.comment('ping');
    writer.send(JSON.stringify(chunk));
    if (index < chunks.length - 1) await sleep(delay, ctx.signal);
  }
  if (scenario.name === 'no-done') return writer.end();
  writer.send('[DONE]');
  if (scenario.name === 'after-done') {
    writer.send(
      JSON.stringify({ hook_results: { after_request_hooks: [hookResult(true, false)] } }),
    );
  }
  writer.end();
}

function portkeyHeaders(options: PortkeyRequestOptions, traceId: string): Record<string, string> {
  return { 'x-portkey-trace-id': traceId, 'x-portkey-provider': options.provider };
}

/**
 * `POST /v1/chat/completions`. A request carrying any `x-portkey-*` header is answered as Portkey
 * would (header validation, config retry/fallback/cache/timeout, `x-portkey-*` response headers,
 * provider errors prefixed with the provider name); one without is answered as the provider
 * itself, which is what a gateway placed in front of the emulator expects.
 */
export async function handleChatCompletions(ctx: HttpContext): Promise<void> {
  const portkey = isPortkeyRequest(ctx.headers);
  let options: PortkeyRequestOptions | undefined;
  if (portkey) {
    const validation = validatePortkeyHeaders(ctx.headers);
    if (!validation.ok) return sendJson(ctx, 400, validation.body);
    options = validation.options;
  }
  let json: unknown;
  try {
    json = JSON.parse(ctx.body);
  } catch {
    return sendJson(ctx, 400, invalidRequest(INVALID_JSON_MESSAGE));
  }
  const parsed = parseChatRequest(json);
  if (!parsed.ok) return sendJson(ctx, 400, parsed.error);
  const body = json as Record<string, unknown>;
  const scenario = readScenario(ctx.headers, parsed.request.model);
  if (!scenario.ok) return sendJson(ctx, 400, invalidRequest(scenario.message, 'model'));
  const requestId = `req_${randomUUID().replaceAll('-', '')}`;
  const traceId = ctx.headers['x-portkey-trace-id'] || randomUUID();
  const base: Record<string, string> = {
    'x-request-id': requestId,
    ...(options ? portkeyHeaders(options, traceId) : {}),
  };

  if (scenario.scenario.name === 'guardrail-deny') {
    const hooks = { before_request_hooks: [hookResult(false, true)], after_request_hooks: [] };
    const denial = {
      error: { message: GUARDRAIL_DENIED_MESSAGE, type: 'hooks_failed', param: null, code: null },
      hook_results: hooks,
    };
    return sendJson(ctx, 446, denial, base);
  }

  const config = options?.config;
  const caching = options !== undefined && config?.cache !== undefined;
  const forceRefresh = ctx.headers['x-portkey-cache-force-refresh'] !== undefined;
  const key = caching
    ? cacheKey({
        body: ctx.body,
        metadata: ctx.headers['x-portkey-metadata'],
        namespace: ctx.headers['x-portkey-cache-namespace'],
      })
    : '';
  const portkeyMeta = (
    cacheStatus: string,
    retryCount: number,
    path: string,
  ): Record<string, string> =>
    options
      ? {
          'x-portkey-cache-status': cacheStatus,
          'x-portkey-retry-attempt-count': String(retryCount),
          'x-portkey-last-used-option-index': path,
        }
      : {};

  if (caching && !forceRefresh) {
    const cached = ctx.state.cache.get(key);
    if (cached) {
      const hit: Extract<Outcome, { ok: true }> = {
        ok: true,
        request: parsed.request,
        scenario: scenario.scenario,
        rendered: cached,
      };
      return sendCompletion(ctx, hit, 200, { ...base, ...portkeyMeta('HIT', 0, 'config') });
    }
  }

  const targets = options
    ? planTargets(config, parseTimeout(ctx.headers['x-portkey-request-timeout']))
    : planTargets(undefined, undefined);
  const failureKey = ctx.headers['x-portkey-trace-id'] || ctx.body;
  const { outcome, target, retryCount } = await runTargets(ctx, body, targets, failureKey);
  const cacheStatus = caching ? (forceRefresh ? 'REFRESH' : 'MISS') : 'DISABLED';
  const headers = { ...base, ...portkeyMeta(cacheStatus, retryCount, target.path) };
  if (ctx.signal.aborted) return;
  if (!outcome.ok) {
    const { failure } = outcome;
    const errorBody =
      options && !outcome.fromGateway ? providerError(failure, options.provider) : failure.body;
    return sendJson(ctx, failure.status, errorBody, { ...failure.headers, ...headers });
  }
  if (caching) ctx.state.cache.set(key, outcome.rendered, config?.cache?.max_age);
  return sendCompletion(ctx, outcome, 200, headers);
}
