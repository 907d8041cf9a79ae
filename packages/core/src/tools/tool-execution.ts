import { prettifyError, safeParseAsync, toJSONSchema } from 'zod/v4/core';
import { InvalidOptionError } from '../errors/chatwire-error.js';
import { ToolArgumentsError } from '../errors/tool-arguments-error.js';
import type {
  ChatCompletionMessageToolCall,
  ChatCompletionTool,
  ChatCompletionToolMessageParam,
} from '../types/index.js';
import { isZodSchema, type RunnableTool, type ToolRunContext } from './runnable-tool.js';

/** A tool call the model made, about to run. */
export interface ToolCallEvent {
  /** The call: its `id`, the function name and the raw JSON arguments. */
  toolCall: ChatCompletionMessageToolCall;
  /** The round that asked for it (1 for the answer to the first request). */
  round: number;
}

/** A tool call that has run (or failed), and the message sent back to the model. */
export interface ToolResultEvent extends ToolCallEvent {
  /** The `tool` message answering the call, as it is sent to the model. */
  message: ChatCompletionToolMessageParam;
  /**
   * Why the call failed: the error `run` threw, or a `ToolArgumentsError` for an unknown tool,
   * arguments that are not JSON or that the zod schema refused. `undefined` when it succeeded.
   */
  error: unknown;
}

/** The tools of one loop, looked up by name, with their definitions as sent to the model. */
export interface ToolSet {
  byName: ReadonlyMap<string, RunnableTool>;
  definitions: ChatCompletionTool[];
}

/** Converts the tools once per loop; zod schemas become JSON Schema here. */
export function createToolSet(tools: readonly RunnableTool[]): ToolSet {
  const byName = new Map<string, RunnableTool>();
  const definitions: ChatCompletionTool[] = [];
  for (const tool of tools) {
    if (byName.has(tool.name)) {
      throw new InvalidOptionError(
        'tools',
        `Two tools are named "${tool.name}"; names must be unique.`,
      );
    }
    byName.set(tool.name, tool);
    const definition: ChatCompletionTool = {
      type: 'function',
      function: { name: tool.name, parameters: parametersSchema(tool) },
    };
    if (tool.description !== undefined) definition.function.description = tool.description;
    if (tool.strict !== undefined) definition.function.strict = tool.strict;
    definitions.push(definition);
  }
  return { byName, definitions };
}

function parametersSchema(tool: RunnableTool): Record<string, unknown> {
  if (!isZodSchema(tool.parameters)) return tool.parameters;
  // The model writes the schema's input; `$schema` is noise to it and some providers refuse it.
  const { $schema: _dialect, ...schema } = toJSONSchema(tool.parameters, { io: 'input' });
  return schema;
}

/**
 * Runs one tool call and answers it with a `tool` message. Never rejects: every failure becomes
 * the message's content, so the model learns what went wrong.
 */
export async function executeToolCall(
  tools: ToolSet,
  toolCall: ChatCompletionMessageToolCall,
  context: ToolRunContext,
): Promise<ToolResultEvent> {
  let content: string;
  let error: unknown;
  try {
    const tool = tools.byName.get(toolCall.function.name);
    if (tool === undefined) {
      const known = [...tools.byName.keys()].join(', ');
      throw new ToolArgumentsError(
        `There is no tool named "${toolCall.function.name}". The tools are: ${known}.`,
      );
    }
    const args = await parseArguments(tool, toolCall.function.arguments);
    content = serializeResult(await tool.run(args, context));
  } catch (thrown) {
    error = thrown;
    content = `Error: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
  }
  return {
    toolCall,
    round: context.round,
    message: { role: 'tool', tool_call_id: toolCall.id, content },
    error,
  };
}

async function parseArguments(tool: RunnableTool, text: string): Promise<unknown> {
  let json: unknown;
  try {
    // Some providers send no text at all for a call without arguments.
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch (cause) {
    throw new ToolArgumentsError(
      `The arguments of ${tool.name} are not valid JSON (${(cause as Error).message}). ` +
        'Call the tool again with a JSON object.',
    );
  }
  if (!isZodSchema(tool.parameters)) return json;
  const parsed = await safeParseAsync(tool.parameters, json);
  if (parsed.success) return parsed.data;
  throw new ToolArgumentsError(
    `The arguments of ${tool.name} do not match its schema:\n${prettifyError(parsed.error)}`,
  );
}

function serializeResult(result: unknown): string {
  if (typeof result === 'string') return result;
  return JSON.stringify(result) ?? '';
}
