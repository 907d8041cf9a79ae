import type { ChatCompletionCreateParamsNonStreaming, ResponseFormat } from '../types/index.js';
import type { ParseableResponseFormat } from './parseable-response-format.js';

/**
 * The body of `client.chat.completions.parse`: that of a non-streamed `create`, whose
 * `response_format` types the answer when `zodResponseFormat` or `jsonSchemaResponseFormat`
 * made it, and whose `tools` may be made by `parseableTool`.
 */
export interface ChatCompletionParseParams<T>
  extends Omit<ChatCompletionCreateParamsNonStreaming, 'response_format'> {
  /** The format of the answer; a parseable one gives each message a checked `parsed`. */
  response_format?: ParseableResponseFormat<T> | ResponseFormat;
}
