import type { ChatToolCall } from './chat-message.js';
import type { ChatToolCallEvent } from './chat-store-options.js';

const STOPPED_TOOL_CALL = 'Stopped.';

/**
 * Runs an answer's tool calls with `onToolCall`, all at once. Resolves to the calls with their
 * outcome: `done` with the result, `ready` when `onToolCall` returned `undefined` (the result is
 * left for `addToolResult`), `error` with the message of what it threw.
 */
export function runToolCalls(
  onToolCall: (event: ChatToolCallEvent) => unknown,
  calls: readonly ChatToolCall[],
  signal: AbortSignal,
): Promise<ChatToolCall[]> {
  return Promise.all(calls.map((call) => runToolCall(onToolCall, call, signal)));
}

/** The calls of a stopped run, those still running marked `error` ("Stopped."). */
export function markStoppedToolCalls(calls: readonly ChatToolCall[]): ChatToolCall[] {
  return calls.map(
    (call): ChatToolCall =>
      call.status === 'running' ? { ...call, status: 'error', error: STOPPED_TOOL_CALL } : call,
  );
}

async function runToolCall(
  onToolCall: (event: ChatToolCallEvent) => unknown,
  call: ChatToolCall,
  signal: AbortSignal,
): Promise<ChatToolCall> {
  try {
    const result = await onToolCall({
      toolCall: call,
      args: parseArguments(call.arguments),
      signal,
    });
    return result === undefined
      ? { ...call, status: 'ready' }
      : { ...call, status: 'done', result };
  } catch (error) {
    return {
      ...call,
      status: 'error',
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text === '' ? '{}' : text);
  } catch {
    return undefined;
  }
}
