import type {
  ChatCompletion,
  ChatCompletionContentPart,
  ChatCompletionCreateParams,
  ChatCompletionMessageParam,
  ChatCompletionMessageToolCall,
} from '../../types/index.js';
import type { TelemetryAttributes } from './otel-types.js';

/** A message part in the GenAI semantic conventions' JSON form. */
type Part = Record<string, unknown>;

function textParts(content: string | readonly { type: string }[] | null | undefined): Part[] {
  if (content === null || content === undefined) return [];
  if (typeof content === 'string') return [{ type: 'text', content }];
  return content.map((part) => contentPart(part as ChatCompletionContentPart));
}

function contentPart(part: ChatCompletionContentPart | { type: string }): Part {
  const typed = part as ChatCompletionContentPart | { type: 'refusal'; refusal: string };
  switch (typed.type) {
    case 'text':
      return { type: 'text', content: typed.text };
    case 'refusal':
      return { type: 'text', content: typed.refusal };
    case 'image_url':
      return { type: 'uri', modality: 'image', uri: typed.image_url.url };
    default:
      // Audio and files are left out: their data is large and rarely readable in a trace.
      return { type: typed.type };
  }
}

function toolCallParts(calls: readonly ChatCompletionMessageToolCall[] | undefined): Part[] {
  if (calls === undefined) return [];
  return calls.map((call) => ({
    type: 'tool_call',
    id: call.id,
    name: call.function.name,
    arguments: call.function.arguments,
  }));
}

function inputMessage(message: ChatCompletionMessageParam): Record<string, unknown> {
  switch (message.role) {
    case 'tool':
      return {
        role: 'tool',
        parts: [
          { type: 'tool_call_response', id: message.tool_call_id, response: message.content },
        ],
      };
    case 'assistant':
      return {
        role: 'assistant',
        parts: [...textParts(message.content), ...toolCallParts(message.tool_calls)],
      };
    default:
      return { role: message.role, parts: textParts(message.content) };
  }
}

function isInstruction(message: ChatCompletionMessageParam): boolean {
  return message.role === 'system' || message.role === 'developer';
}

/**
 * The messages of a request as the opt-in content attributes of the GenAI semantic conventions:
 * `gen_ai.system_instructions` (system and developer messages) and `gen_ai.input.messages`,
 * each as JSON.
 */
export function inputContentAttributes(body: ChatCompletionCreateParams): TelemetryAttributes {
  const instructions = body.messages.filter(isInstruction);
  const input = body.messages.filter((message) => !isInstruction(message));
  return {
    'gen_ai.system_instructions':
      instructions.length === 0
        ? undefined
        : JSON.stringify(instructions.flatMap((message) => textParts(message.content))),
    'gen_ai.input.messages': JSON.stringify(input.map(inputMessage)),
  };
}

/** The choices of an answer as the opt-in `gen_ai.output.messages` attribute, as JSON. */
export function outputContentAttributes(completion: ChatCompletion): TelemetryAttributes {
  const output = completion.choices.map((choice) => ({
    role: 'assistant',
    parts: [
      ...textParts(choice.message.content ?? choice.message.refusal),
      ...toolCallParts(choice.message.tool_calls),
    ],
    finish_reason: choice.finish_reason,
  }));
  return { 'gen_ai.output.messages': JSON.stringify(output) };
}
