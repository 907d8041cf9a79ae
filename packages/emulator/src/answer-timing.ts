import type { ChatRequest } from './chat-request.js';
import type { RenderedCompletion } from './completion-builder.js';
import type { HttpContext } from './http-context.js';
import type { Scenario } from './scenarios.js';

/** The pause between streamed chunks: the scenario's, the request's header, or the emulator's. */
export function tokenDelay(ctx: HttpContext, scenario: Scenario): number {
  if (scenario.name === 'slow-stream') return scenario.delayMs;
  const raw = Number(ctx.headers['x-emulator-token-delay-ms']);
  return Number.isFinite(raw) && raw >= 0 ? Math.min(raw, 60_000) : ctx.settings.tokenDelayMs;
}

/** The wait before the status line that the scenario asks for. */
export function firstByteDelay(scenario: Scenario): number {
  return scenario.name === 'slow-first-byte' ? scenario.delayMs : 0;
}

/** How long the provider takes before its status line: the whole answer unless it streams. */
export function timeToHeaders(
  ctx: HttpContext,
  request: ChatRequest,
  scenario: Scenario,
  rendered: RenderedCompletion,
): number {
  if (request.stream) return firstByteDelay(scenario);
  const chunks = rendered.choices.reduce((sum, choice) => sum + choice.tokens.length + 1, 0);
  return firstByteDelay(scenario) + chunks * tokenDelay(ctx, scenario);
}
