import type { $ZodType, output } from 'zod/v4/core';
import { attachValidator, type WithValidator } from '../structured/attached-validator.js';
import { zodToStrictJsonSchema } from '../structured/zod-json-schema.js';
import { zodValidator } from '../structured/zod-validator.js';
import type { ChatCompletionTool } from '../types/index.js';
import type { ZodRunnableTool } from './runnable-tool.js';

/** A strict function tool whose calls `parse` reads into `parsed_arguments`. */
export type ParseableTool<Args> = ChatCompletionTool & WithValidator<Args>;

/** What {@link parseableTool} takes: a tool as `defineTool` declares it; `run` is not needed. */
export type ParseableToolInput<Schema extends $ZodType> = Omit<
  ZodRunnableTool<Schema>,
  'run' | 'strict'
> &
  Partial<Pick<ZodRunnableTool<Schema>, 'run'>>;

/**
 * A strict tool definition for `client.chat.completions.parse`, from a tool whose parameters
 * are a zod schema (one made with `defineTool` works as it is): the model must follow the
 * schema exactly, and each call of it in the answer gets `function.parsed_arguments`, checked
 * by the schema.
 *
 * @throws {InvalidOptionError} when the schema cannot be made strict (make optional
 * properties `.nullable()`).
 * @example
 * ```ts
 * const completion = await client.chat.completions.parse({
 *   model, messages, tools: [parseableTool(getWeather)],
 * });
 * completion.choices[0].message.tool_calls?.[0]?.function.parsed_arguments;
 * ```
 */
export function parseableTool<Schema extends $ZodType>(
  tool: ParseableToolInput<Schema>,
): ParseableTool<output<Schema>> {
  const definition: ChatCompletionTool = {
    type: 'function',
    function: {
      name: tool.name,
      parameters: zodToStrictJsonSchema(tool.parameters, 'tools'),
      strict: true,
    },
  };
  if (tool.description !== undefined) definition.function.description = tool.description;
  return attachValidator(definition, zodValidator(tool.parameters));
}
