import { timeToHeaders } from './answer-timing.js';
import { renderCompletion } from './completion-builder.js';
import { invalidRequest } from './error-bodies.js';
import type { HttpContext } from './http-context.js';
import { parseChatRequest } from './parse-chat-request.js';
import type { ProviderFailure, ProviderOutcome } from './provider-outcome.js';
import { applyScenarioToReplies } from './scenario-replies.js';
import { readScenario } from './scenarios.js';
import { scriptedReplies } from './scripted-assistant.js';
import { sleep } from './sleep.js';
import type { PlannedTarget } from './target-plan.js';
import { type UpstreamFailure, upstreamFailure } from './upstream-failures.js';

/** The outcome of running a config's targets, with the target that gave it. */
export interface TargetsResult {
  /** The last attempt's outcome. */
  outcome: ProviderOutcome;
  /** The target that gave it. */
  target: PlannedTarget;
  /** Retries made on the answering target, or `-1` when every attempt failed with a retriable status. */
  retryCount: number;
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

function providerRefusal(failure: UpstreamFailure): ProviderFailure {
  return { ok: false, failure, fromGateway: false };
}

/** One call to the emulated provider for one target. */
async function attempt(
  ctx: HttpContext,
  json: Record<string, unknown>,
  target: PlannedTarget,
  failureKey: string,
): Promise<ProviderOutcome> {
  const parsed = parseChatRequest({ ...json, ...target.overrideParams });
  if (!parsed.ok) return providerRefusal({ status: 400, body: parsed.error, headers: {} });
  const scenario = readScenario(ctx.headers, parsed.request.model);
  if (!scenario.ok) {
    return providerRefusal({
      status: 400,
      body: invalidRequest(scenario.message, 'model'),
      headers: {},
    });
  }
  const failure = upstreamFailure(scenario.scenario, ctx.state.failures, failureKey);
  if (failure) return providerRefusal(failure);
  const replies = applyScenarioToReplies(scenario.scenario, scriptedReplies(parsed.request));
  const rendered = renderCompletion(parsed.request, replies);
  const timeout = target.requestTimeout;
  if (
    timeout !== undefined &&
    timeToHeaders(ctx, parsed.request, scenario.scenario, rendered) > timeout
  ) {
    await sleep(timeout, ctx.signal);
    return { ok: false, failure: timeoutFailure(timeout), fromGateway: true };
  }
  return { ok: true, request: parsed.request, scenario: scenario.scenario, rendered };
}

/** Runs the targets of a config with their retries, as the gateway does. */
export async function runTargets(
  ctx: HttpContext,
  json: Record<string, unknown>,
  targets: PlannedTarget[],
  failureKey: string,
): Promise<TargetsResult> {
  let last: TargetsResult | undefined;
  for (const target of targets) {
    const attempts = target.retry?.attempts ?? 0;
    let outcome = await attempt(ctx, json, target, failureKey);
    let retries = 0;
    const retriable = (result: ProviderOutcome) =>
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
