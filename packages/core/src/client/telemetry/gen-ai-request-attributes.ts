import type { ChatCompletionCreateParams } from '../../types/index.js';
import type { TelemetryAttributes } from './otel-types.js';

function optionalNumber(value: number | null | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function stopSequences(stop: string | string[] | null | undefined): string[] | undefined {
  if (typeof stop === 'string') return [stop];
  return Array.isArray(stop) ? stop : undefined;
}

function outputType(body: ChatCompletionCreateParams): string | undefined {
  const format = body.response_format?.type;
  if (format === undefined) return undefined;
  return format === 'text' ? 'text' : 'json';
}

/**
 * The GenAI semantic conventions' request attributes of a chat call: what the span starts with
 * (a sampler sees them) besides the operation and provider. Unset parameters are left out.
 */
export function requestAttributes(body: ChatCompletionCreateParams): TelemetryAttributes {
  const choices = optionalNumber(body.n);
  return {
    'gen_ai.operation.name': 'chat',
    'gen_ai.request.model': body.model,
    'gen_ai.request.temperature': optionalNumber(body.temperature),
    'gen_ai.request.max_tokens': optionalNumber(body.max_completion_tokens ?? body.max_tokens),
    'gen_ai.request.top_p': optionalNumber(body.top_p),
    'gen_ai.request.frequency_penalty': optionalNumber(body.frequency_penalty),
    'gen_ai.request.presence_penalty': optionalNumber(body.presence_penalty),
    'gen_ai.request.seed': optionalNumber(body.seed),
    'gen_ai.request.stop_sequences': stopSequences(body.stop),
    'gen_ai.request.choice.count': choices === 1 ? undefined : choices,
    'gen_ai.request.reasoning.level': body.reasoning_effort ?? undefined,
    'gen_ai.request.stream': body.stream === true,
    'gen_ai.output.type': outputType(body),
  };
}
