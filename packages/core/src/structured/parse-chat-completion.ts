import type { ChatCompletionWithMeta } from '../client/response-meta.js';
import { validatorOf } from './attached-validator.js';
import { parseStructuredText } from './parse-structured-text.js';
import type { ParsedChatCompletion, ParsedFunctionToolCall } from './parsed-chat-completion.js';

function parseToolCalls(toolCalls: ParsedFunctionToolCall[], tools: readonly unknown[]): void {
  for (const call of toolCalls) {
    const tool = tools.find(
      (candidate) =>
        (candidate as { function?: { name?: string } }).function?.name === call.function.name,
    );
    const validator = validatorOf(tool);
    if (validator) {
      call.function.parsed_arguments = parseStructuredText(call.function.arguments, validator);
    }
  }
}

/**
 * Reads the answers of `completion` in place: each message gets `parsed` (its content checked
 * by `responseFormat`'s validator; `null` on a refusal or without one), and each call of a
 * parseable tool gets `parsed_arguments`.
 *
 * @throws {StructuredOutputError} when content or arguments break their schema.
 */
export function parseChatCompletion<T>(
  completion: ChatCompletionWithMeta,
  responseFormat: unknown,
  tools: readonly unknown[] = [],
): ParsedChatCompletion<T> {
  const validator = validatorOf<T>(responseFormat);
  const parsed = completion as ParsedChatCompletion<T>;
  for (const { message } of parsed.choices) {
    const content = message.content;
    message.parsed =
      validator && !message.refusal && typeof content === 'string' && content !== ''
        ? parseStructuredText(content, validator)
        : null;
    if (message.tool_calls) parseToolCalls(message.tool_calls, tools);
  }
  return parsed;
}
