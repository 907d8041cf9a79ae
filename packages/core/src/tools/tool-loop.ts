import { APIUserAbortError } from '../errors/api-errors.js';
import { ChatwireError, InvalidOptionError } from '../errors/chatwire-error.js';
import type {
  ChatCompletion,
  ChatCompletionAssistantMessageParam,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
  ChatCompletionToolChoiceOption,
} from '../types/index.js';
import { executeToolCall, type ToolSet } from './tool-execution.js';
import type { ToolLoopBody, ToolLoopOptions } from './tool-loop-options.js';

/** How many requests a tool loop sends at most (`maxRounds`). */
export const DEFAULT_MAX_ROUNDS = 10;

/**
 * The request of one round. A `tool_choice` that forces a call (`required`, or a named function)
 * holds for the first round only: kept on, it would make every answer a tool call until the
 * round limit.
 */
export function roundRequest(
  body: ToolLoopBody,
  tools: ToolSet,
  messages: readonly ChatCompletionMessageParam[],
  round: number,
): ChatCompletionCreateParamsNonStreaming {
  const request: ChatCompletionCreateParamsNonStreaming = {
    ...body,
    messages: messages.slice(),
    tools: tools.definitions,
  };
  if (round > 1 && forcesCall(body.tool_choice)) request.tool_choice = 'auto';
  return request;
}

function forcesCall(choice: ChatCompletionToolChoiceOption | undefined | null): boolean {
  return choice === 'required' || (typeof choice === 'object' && choice !== null);
}

/** Reads `maxRounds`, refusing values that would never let the model answer. */
export function readMaxRounds(maxRounds: number | undefined): number {
  if (maxRounds === undefined) return DEFAULT_MAX_ROUNDS;
  if (!Number.isInteger(maxRounds) || maxRounds < 1) {
    throw new InvalidOptionError(
      'maxRounds',
      `maxRounds must be an integer of at least 1, not ${maxRounds}.`,
    );
  }
  return maxRounds;
}

/**
 * Adds the round's answer to the conversation and tells whether it calls tools. Throws when
 * the answer has no choice.
 */
export function takeAnswer(
  completion: ChatCompletion,
  messages: ChatCompletionMessageParam[],
): boolean {
  const message = completion.choices[0]?.message;
  if (message === undefined) {
    throw new ChatwireError('The model answered without any choice; the tool loop cannot go on.');
  }
  const assistant: ChatCompletionAssistantMessageParam = {
    role: 'assistant',
    content: message.content,
  };
  if (message.refusal) assistant.refusal = message.refusal;
  const calls = message.tool_calls;
  if (calls && calls.length > 0) assistant.tool_calls = calls;
  messages.push(assistant);
  return assistant.tool_calls !== undefined;
}

/**
 * Runs the tool calls of the last assistant message concurrently and adds their results to the
 * conversation, in the order of the calls.
 */
export async function runRoundTools(
  tools: ToolSet,
  messages: ChatCompletionMessageParam[],
  round: number,
  options: Pick<ToolLoopOptions, 'onToolCall' | 'onToolResult'>,
  signal: AbortSignal | undefined,
): Promise<void> {
  const last = messages[messages.length - 1] as ChatCompletionAssistantMessageParam;
  const calls = last.tool_calls ?? [];
  const snapshot = messages.slice();
  const results = await Promise.all(
    calls.map(async (toolCall) => {
      options.onToolCall?.({ toolCall, round });
      const result = await executeToolCall(tools, toolCall, {
        toolCall,
        round,
        messages: snapshot,
        signal,
      });
      options.onToolResult?.(result);
      return result;
    }),
  );
  if (signal?.aborted) throw abortReason(signal);
  for (const result of results) messages.push(result.message);
}

/** The error a loop aborted through `signal` ends with. */
export function abortReason(signal: AbortSignal): ChatwireError {
  return signal.reason instanceof ChatwireError ? signal.reason : new APIUserAbortError();
}

/** The `signal` of per-request options, when the client takes one. */
export function signalOf(requestOptions: object): AbortSignal | undefined {
  const signal = (requestOptions as { signal?: unknown }).signal;
  return signal instanceof AbortSignal ? signal : undefined;
}
