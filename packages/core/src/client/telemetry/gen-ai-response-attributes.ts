import type { ChatCompletion } from '../../types/index.js';
import type { TelemetryAttributes } from './otel-types.js';

/**
 * The GenAI semantic conventions' response attributes of a chat call: the model that answered,
 * the completion's id, each choice's finish reason and the token counts the upstream reported.
 * Also what a stream cut short received.
 */
export function responseAttributes(completion: ChatCompletion): TelemetryAttributes {
  const usage = completion.usage ?? undefined;
  const finishReasons: string[] = [];
  for (const choice of completion.choices) {
    if (choice.finish_reason) finishReasons.push(choice.finish_reason);
  }
  return {
    'gen_ai.response.model': completion.model || undefined,
    'gen_ai.response.id': completion.id || undefined,
    'gen_ai.response.finish_reasons': finishReasons.length > 0 ? finishReasons : undefined,
    'gen_ai.usage.input_tokens': usage?.prompt_tokens,
    'gen_ai.usage.output_tokens': usage?.completion_tokens,
    'gen_ai.usage.cache_read.input_tokens': usage?.prompt_tokens_details?.cached_tokens,
    'gen_ai.usage.reasoning.output_tokens': usage?.completion_tokens_details?.reasoning_tokens,
  };
}
