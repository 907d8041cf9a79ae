import {
  completionHookResults,
  dropsInsteadOfAnswer,
  faultBefore,
  leadingHookResults,
  MID_STREAM_ERROR,
  pingsBefore,
  type StreamFault,
  sendsDone,
  streamsUsage,
  successStatus,
  trailingHookResults,
} from './answer-scenario-effects.js';
import { firstByteDelay, timeToHeaders, tokenDelay } from './answer-timing.js';
import { toChatCompletion, toChunks } from './completion-builder.js';
import { type HttpContext, sendJson } from './http-context.js';
import type { ProviderSuccess } from './provider-outcome.js';
import { sleep } from './sleep.js';
import { SSEWriter } from './sse-writer.js';

async function sendWhole(
  ctx: HttpContext,
  answer: ProviderSuccess,
  headers: Record<string, string>,
): Promise<void> {
  const { request, scenario, rendered } = answer;
  await sleep(timeToHeaders(ctx, request, scenario, rendered), ctx.signal);
  if (dropsInsteadOfAnswer(scenario)) return ctx.dropConnection();
  const hooks = completionHookResults(scenario);
  const body = { ...toChatCompletion(rendered), ...(hooks ? { hook_results: hooks } : {}) };
  sendJson(ctx, successStatus(scenario), body, headers);
}

function strike(ctx: HttpContext, writer: SSEWriter, fault: StreamFault): void {
  if (fault === 'drop-connection') {
    ctx.dropConnection();
    return;
  }
  if (fault === 'error-event') writer.send(JSON.stringify(MID_STREAM_ERROR), 'error');
  writer.end();
}

async function sendStream(
  ctx: HttpContext,
  answer: ProviderSuccess,
  headers: Record<string, string>,
): Promise<void> {
  const { request, scenario, rendered } = answer;
  await sleep(firstByteDelay(scenario), ctx.signal);
  if (ctx.signal.aborted) return;
  const writer = new SSEWriter(ctx.res);
  writer.open(successStatus(scenario), headers);
  const leading = leadingHookResults(scenario);
  if (leading) writer.send(JSON.stringify(leading));
  const chunks = toChunks(rendered, streamsUsage(request, scenario));
  const delay = tokenDelay(ctx, scenario);
  for (const [index, chunk] of chunks.entries()) {
    if (writer.closed) return;
    const fault = faultBefore(scenario, index);
    if (fault) return strike(ctx, writer, fault);
    if (pingsBefore(scenario, index)) writer.comment('ping');
    writer.send(JSON.stringify(chunk));
    if (index < chunks.length - 1) await sleep(delay, ctx.signal);
  }
  if (!sendsDone(scenario)) return writer.end();
  writer.send('[DONE]');
  const trailing = trailingHookResults(scenario);
  if (trailing) writer.send(JSON.stringify(trailing));
  writer.end();
}

/** Sends a successful answer, streamed or whole, with the faults its scenario asks for. */
export function sendCompletion(
  ctx: HttpContext,
  answer: ProviderSuccess,
  headers: Record<string, string>,
): Promise<void> {
  return answer.request.stream ? sendStream(ctx, answer, headers) : sendWhole(ctx, answer, headers);
}
