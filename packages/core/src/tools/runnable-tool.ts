import type { $ZodType, output } from 'zod/v4/core';
import type {
  ChatCompletionMessageParam,
  ChatCompletionMessageToolCall,
  FunctionParameters,
} from '../types/index.js';

/** What a tool's `run` receives besides its arguments. */
export interface ToolRunContext {
  /** The call the model made: its `id`, the function name and the raw JSON arguments. */
  toolCall: ChatCompletionMessageToolCall;
  /** The round that asked for the call: 1 for the answer to the first request, and so on. */
  round: number;
  /** The conversation so far, ending with the assistant message that made the call. */
  messages: readonly ChatCompletionMessageParam[];
  /**
   * Aborts when the tool loop is aborted (the `signal` request option, or `abort()` of a
   * streamed loop). Pass it on to the work the tool starts (`fetch`, a database query, …).
   */
  signal: AbortSignal | undefined;
}

/**
 * A function the model may call, together with its implementation, for `runTools` and
 * `runToolsStream`.
 *
 * Write tools with {@link defineTool} so that `run` gets the argument type of a zod schema.
 *
 * @typeParam Args The type of the arguments `run` receives.
 */
export interface RunnableTool<Args = unknown> {
  /** The function's name: letters, digits, underscores and dashes, at most 64 characters. */
  name: string;
  /** What the function does; the model reads it to decide when and how to call it. */
  description?: string;
  /**
   * The arguments, as a zod schema or a JSON Schema object.
   *
   * - A zod (v4) schema is sent to the model as JSON Schema (`z.toJSONSchema`, describing the
   *   input), and the model's arguments are parsed with it before `run` is called: `run`
   *   receives the parsed output (defaults applied, transforms run).
   * - A JSON Schema object is sent as it is, and `run` receives the arguments as
   *   `JSON.parse` returns them, not validated.
   */
  parameters: $ZodType<Args> | FunctionParameters;
  /**
   * When true, the model must follow `parameters` exactly (OpenAI Structured Outputs; only a
   * subset of JSON Schema is accepted then). Defaults to false.
   */
  strict?: boolean;
  /**
   * Does the work. The result is sent to the model as the tool message's content: a string as
   * it is, anything else as JSON (`undefined` as an empty string). A throw (or rejection) is
   * sent to the model as `Error: <message>`, so it can correct itself; it does not end the
   * loop.
   */
  run(args: Args, context: ToolRunContext): unknown;
}

/** A tool whose arguments are described by a zod schema. */
export interface ZodRunnableTool<Schema extends $ZodType>
  extends Omit<RunnableTool<output<Schema>>, 'parameters'> {
  /** The zod schema of the arguments. */
  parameters: Schema;
}

/**
 * Declares a tool, typing `run`'s arguments from the zod schema in `parameters` (with a JSON
 * Schema object, they are `Record<string, unknown>` unless a type is given).
 *
 * @example
 * ```ts
 * const getWeather = defineTool({
 *   name: 'get_current_weather',
 *   description: 'The current weather in a city',
 *   parameters: z.object({ location: z.string(), unit: z.enum(['celsius', 'fahrenheit']) }),
 *   run: async ({ location, unit }) => fetchWeather(location, unit),
 * });
 * ```
 */
export function defineTool<Schema extends $ZodType>(
  tool: ZodRunnableTool<Schema>,
): ZodRunnableTool<Schema>;
export function defineTool<Args = Record<string, unknown>>(
  tool: RunnableTool<Args> & { parameters: FunctionParameters },
): RunnableTool<Args>;
export function defineTool(tool: RunnableTool): RunnableTool {
  return tool;
}

/** Tells a zod schema from a JSON Schema object. */
export function isZodSchema(parameters: RunnableTool['parameters']): parameters is $ZodType {
  return '_zod' in parameters && typeof parameters._zod === 'object' && parameters._zod !== null;
}
