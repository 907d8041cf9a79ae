import type { ChatCompletionTool } from '@chatwire/core';
import type {
  ChatMessage,
  ChatRequest,
  ResponseFormatRequest,
  ToolChoice,
} from './chat-request.js';
import { invalidRequest, type OpenAIErrorBody } from './error-bodies.js';

/** The outcome of reading a chat completions body: the request, or the 400 answer to send. */
export type ParseResult =
  | { ok: true; request: ChatRequest }
  | { ok: false; error: OpenAIErrorBody };

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal';
  return `a ${typeof value}`;
}

function invalidType(param: string, expected: string, value: unknown): ParseResult {
  return {
    ok: false,
    error: invalidRequest(
      `Invalid type for '${param}': expected ${expected}, but got ${typeName(value)} instead.`,
      param,
      'invalid_type',
    ),
  };
}

function fail(message: string, param: string | null, code: string | null = null): ParseResult {
  return { ok: false, error: invalidRequest(message, param, code) };
}

function imageUrlOf(part: Record<string, unknown>): string {
  const image = part.image_url;
  if (typeof image === 'string') return image;
  return isRecord(image) && typeof image.url === 'string' ? image.url : '';
}

function readContent(content: unknown): { text: string; images: string[] } {
  if (typeof content === 'string') return { text: content, images: [] };
  if (!Array.isArray(content)) return { text: '', images: [] };
  const texts: string[] = [];
  const images: string[] = [];
  for (const part of content) {
    if (!isRecord(part)) continue;
    if (part.type === 'text' && typeof part.text === 'string') texts.push(part.text);
    if (part.type === 'image_url') images.push(imageUrlOf(part));
  }
  return { text: texts.join('\n'), images };
}

function readToolCalls(value: unknown): ChatMessage['toolCalls'] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((call) => {
    const fn = isRecord(call.function) ? call.function : {};
    return {
      id: typeof call.id === 'string' ? call.id : '',
      name: typeof fn.name === 'string' ? fn.name : '',
      arguments: typeof fn.arguments === 'string' ? fn.arguments : '',
    };
  });
}

function readMessages(value: unknown): ChatMessage[] | ParseResult {
  if (value === undefined) {
    return fail(
      "Missing required parameter: 'messages'.",
      'messages',
      'missing_required_parameter',
    );
  }
  if (!Array.isArray(value)) return invalidType('messages', 'an array', value);
  if (value.length === 0) {
    return fail(
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      'messages',
      'empty_array',
    );
  }
  const messages: ChatMessage[] = [];
  for (const [index, message] of value.entries()) {
    if (!isRecord(message)) return invalidType(`messages[${index}]`, 'an object', message);
    if (message.role === undefined) {
      return fail(
        `Missing required parameter: 'messages[${index}].role'.`,
        `messages[${index}].role`,
        'missing_required_parameter',
      );
    }
    if (typeof message.role !== 'string' || !ROLES.has(message.role)) {
      return fail(
        `Invalid value: '${String(message.role)}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`,
        `messages[${index}].role`,
        'invalid_value',
      );
    }
    if (message.role === 'tool' && typeof message.tool_call_id !== 'string') {
      return fail(
        `Missing required parameter: 'messages[${index}].tool_call_id'.`,
        `messages[${index}].tool_call_id`,
        'missing_required_parameter',
      );
    }
    const { text, images } = readContent(message.content);
    messages.push({
      role: message.role,
      text,
      images,
      toolCallId: typeof message.tool_call_id === 'string' ? message.tool_call_id : undefined,
      toolCalls: readToolCalls(message.tool_calls),
    });
  }
  return messages;
}

function readTools(value: unknown): ChatCompletionTool[] | ParseResult {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return invalidType('tools', 'an array', value);
  const tools: ChatCompletionTool[] = [];
  for (const [index, tool] of value.entries()) {
    const fn = isRecord(tool) ? tool.function : undefined;
    if (!isRecord(tool) || !isRecord(fn) || typeof fn.name !== 'string') {
      return fail(
        `Missing required parameter: 'tools[${index}].function.name'.`,
        `tools[${index}].function.name`,
        'missing_required_parameter',
      );
    }
    tools.push({
      type: 'function',
      function: {
        name: fn.name,
        ...(typeof fn.description === 'string' ? { description: fn.description } : {}),
        ...(isRecord(fn.parameters) ? { parameters: fn.parameters } : {}),
      },
    });
  }
  return tools;
}

function readToolChoice(value: unknown, tools: ChatCompletionTool[]): ToolChoice | ParseResult {
  if (value === undefined || value === null) return { kind: tools.length > 0 ? 'auto' : 'none' };
  if (value === 'none' || value === 'auto' || value === 'required') {
    if (value !== 'none' && tools.length === 0) {
      return fail(
        "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
        'tool_choice',
      );
    }
    return { kind: value };
  }
  if (isRecord(value) && isRecord(value.function) && typeof value.function.name === 'string') {
    const name = value.function.name;
    if (!tools.some((tool) => tool.function.name === name)) {
      return fail(
        `Invalid value for 'tool_choice': no function named '${name}' was specified in the 'tools' parameter.`,
        'tool_choice',
      );
    }
    return { kind: 'named', name };
  }
  return fail(
    "Invalid value for 'tool_choice': expected 'none', 'auto', 'required' or a named function.",
    'tool_choice',
    'invalid_value',
  );
}

function readResponseFormat(value: unknown): ResponseFormatRequest | ParseResult {
  if (value === undefined || value === null) return { type: 'text' };
  if (!isRecord(value)) return invalidType('response_format', 'an object', value);
  if (value.type === 'text' || value.type === 'json_object') return { type: value.type };
  if (value.type === 'json_schema') {
    const spec = value.json_schema;
    if (!isRecord(spec) || typeof spec.name !== 'string') {
      return fail(
        "Missing required parameter: 'response_format.json_schema.name'.",
        'response_format.json_schema.name',
        'missing_required_parameter',
      );
    }
    return {
      type: 'json_schema',
      name: spec.name,
      schema: isRecord(spec.schema) ? spec.schema : {},
    };
  }
  return fail(
    `Invalid value: '${String(value.type)}'. Supported values are: 'json_object', 'json_schema', and 'text'.`,
    'response_format.type',
    'invalid_value',
  );
}

function readOptionalInteger(
  body: Record<string, unknown>,
  name: string,
  min: number,
  max: number,
): number | undefined | ParseResult {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value))
    return invalidType(name, 'an integer', value);
  if (value < min)
    return fail(
      `Invalid '${name}': integer below minimum value. Expected a value >= ${min}, but got ${value} instead.`,
      name,
      'integer_below_min_value',
    );
  if (value > max)
    return fail(
      `Invalid '${name}': integer above maximum value. Expected a value <= ${max}, but got ${value} instead.`,
      name,
      'integer_above_max_value',
    );
  return value;
}

function readStop(value: unknown): string[] | ParseResult {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (
    Array.isArray(value) &&
    value.length <= 4 &&
    value.every((item) => typeof item === 'string')
  ) {
    return value.filter((item) => item.length > 0);
  }
  return invalidType('stop', 'a string or an array of at most 4 strings', value);
}

function isFailure(value: unknown): value is ParseResult {
  return isRecord(value) && value.ok === false;
}

/** Validates a parsed JSON body the way the provider does and extracts what the emulator needs. */
export function parseChatRequest(body: unknown): ParseResult {
  if (!isRecord(body)) return invalidType('body', 'an object', body);
  if (body.model === undefined) {
    return fail("Missing required parameter: 'model'.", 'model', 'missing_required_parameter');
  }
  if (typeof body.model !== 'string') return invalidType('model', 'a string', body.model);
  const messages = readMessages(body.messages);
  if (isFailure(messages)) return messages;
  const tools = readTools(body.tools);
  if (isFailure(tools)) return tools;
  const toolChoice = readToolChoice(body.tool_choice, tools);
  if (isFailure(toolChoice)) return toolChoice;
  const responseFormat = readResponseFormat(body.response_format);
  if (isFailure(responseFormat)) return responseFormat;
  const stop = readStop(body.stop);
  if (isFailure(stop)) return stop;
  const n = readOptionalInteger(body, 'n', 1, 128);
  if (isFailure(n)) return n;
  const maxTokens = readOptionalInteger(body, 'max_tokens', 1, 1_000_000);
  if (isFailure(maxTokens)) return maxTokens;
  const maxCompletionTokens = readOptionalInteger(body, 'max_completion_tokens', 1, 1_000_000);
  if (isFailure(maxCompletionTokens)) return maxCompletionTokens;
  const topLogprobs = readOptionalInteger(body, 'top_logprobs', 0, 20);
  if (isFailure(topLogprobs)) return topLogprobs;
  if (body.stream !== undefined && body.stream !== null && typeof body.stream !== 'boolean') {
    return invalidType('stream', 'a boolean', body.stream);
  }
  if (topLogprobs !== undefined && body.logprobs !== true) {
    return fail(
      "Invalid value for 'logprobs': must be true when 'top_logprobs' is specified.",
      'logprobs',
    );
  }
  const streamOptions = isRecord(body.stream_options) ? body.stream_options : {};
  return {
    ok: true,
    request: {
      model: body.model,
      messages,
      stream: body.stream === true,
      includeUsage: streamOptions.include_usage === true,
      n: n ?? 1,
      maxTokens: maxCompletionTokens ?? maxTokens,
      stop,
      logprobs: body.logprobs === true,
      topLogprobs: topLogprobs ?? 0,
      tools,
      toolChoice,
      parallelToolCalls: body.parallel_tool_calls !== false,
      responseFormat,
    },
  };
}
