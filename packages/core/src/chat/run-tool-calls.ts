import { type ChatMessage, type ChatToolCall, isToolCallSettled } from './chat-message.js';
import type { ChatRun } from './chat-run.js';
import type { ChatToolCallEvent } from './chat-store-options.js';

const STOPPED_TOOL_CALL = 'Stopped.';

/**
 * Runs the answer's tool calls with `onToolCall`, all at once, when `allowed` (the round limit
 * is not yet reached; else the answer is marked `toolRoundLimitReached`). Each call ends `done`
 * with its result, `ready` when `onToolCall` returned `undefined` (the result is left for
 * `addToolResult`), or `error` with the message of what it threw. Resolves to `true` when they
 * all got results, so the conversation should go back to the model.
 */
export async function runToolRound(
  run: ChatRun,
  message: ChatMessage,
  allowed: boolean,
): Promise<boolean> {
  const { state, controller } = run;
  const onToolCall = run.options().onToolCall;
  const calls = message.toolCalls;
  if (onToolCall === undefined || calls === undefined) return false;
  if (!allowed) {
    state.replaceMessage({ ...message, toolRoundLimitReached: true });
    return false;
  }
  run.runningToolsOf = message.id;
  state.replaceMessage({
    ...message,
    toolCalls: calls.map((call) => ({ ...call, status: 'running' })),
  });
  state.emit();
  const settled = await Promise.all(
    calls.map((call) => runToolCall(onToolCall, call, controller.signal)),
  );
  if (!run.isCurrent()) return false;
  run.runningToolsOf = undefined;
  state.replaceMessage({ ...message, toolCalls: settled });
  state.emit();
  return settled.every(isToolCallSettled);
}

/** Ends the run's tool round, if one is running: the calls not finished are marked `error`. */
export function stopToolRound(run: ChatRun): void {
  const messageId = run.runningToolsOf;
  if (messageId === undefined) return;
  run.runningToolsOf = undefined;
  const message = run.state.current.messages.find((m) => m.id === messageId);
  if (message?.toolCalls === undefined) return;
  run.state.replaceMessage({
    ...message,
    toolCalls: message.toolCalls.map(
      (call): ChatToolCall =>
        call.status === 'running' ? { ...call, status: 'error', error: STOPPED_TOOL_CALL } : call,
    ),
  });
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
