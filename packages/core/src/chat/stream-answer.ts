import { callSafely } from './call-safely.js';
import type { ChatMessage } from './chat-message.js';
import type { ChatRun } from './chat-run.js';
import type { ChatRequestOptions } from './chat-store-options.js';
import type { ChatTransportRequest, ChatTurn } from './chat-transport.js';
import { DEFAULT_STALL_MS } from './defaults.js';
import { LiveAnswer } from './live-answer.js';
import { resolveChatTransport } from './resolve-chat-transport.js';
import { forgetTurn, saveTurn } from './saved-turn.js';
import { toOpenAIMessages } from './to-openai-messages.js';
import { watchStall } from './watch-stall.js';

/**
 * Sends the conversation, or follows `turn` when one is given, and streams the answer into the
 * state. Resolves to the finished message, or `undefined` when the run was stopped or replaced
 * meanwhile; rejects when the request or the stream fails.
 */
export async function streamAnswer(
  run: ChatRun,
  request: ChatRequestOptions,
  turn?: ChatTurn,
): Promise<ChatMessage | undefined> {
  const { state, controller } = run;
  const options = run.options();
  const startedAt = Date.now();
  state.set({ status: 'submitted', error: undefined, usage: undefined, finishReason: undefined });
  state.emit();
  const transport = resolveChatTransport(options);
  const transportRequest: ChatTransportRequest = {
    messages: toOpenAIMessages(state.current.messages),
    body: { ...options.body, ...request.body },
    headers: { ...options.headers, ...request.headers },
    signal: controller.signal,
    onReconnecting: () => {
      if (!run.isCurrent()) return;
      state.set({ status: 'reconnecting' });
      state.emit();
    },
  };
  const response =
    turn !== undefined && transport.resume !== undefined
      ? await transport.resume(turn, transportRequest)
      : await transport.send(transportRequest);
  if (!run.isCurrent()) return undefined;
  const { turnId } = response;
  run.turnId = turnId;
  if (turnId !== undefined && options.resume && options.id !== undefined) {
    saveTurn(options.id, { turnId, messages: state.current.messages });
  }
  const live = new LiveAnswer({
    id: run.newId(),
    controller,
    startedAt,
    traceId: response.traceId,
    spanId: response.spanId,
    cacheStatus: response.cacheStatus,
  });
  state.startAnswer(live);
  const stall =
    turnId === undefined ? undefined : watchStall(state, options.stallAfterMs ?? DEFAULT_STALL_MS);
  try {
    for await (const chunk of response.chunks) {
      if (!run.isCurrent()) return undefined;
      stall?.restart();
      state.addChunk(live, chunk);
      callSafely(run.options().onChunk, chunk);
    }
  } finally {
    stall?.stop();
  }
  if (!run.isCurrent()) return undefined;
  run.turnId = undefined;
  if (turnId !== undefined && options.resume && options.id !== undefined) forgetTurn(options.id);
  // Not emitted here: the run's next change (tools running, or idle) carries it.
  const message = state.finishAnswer(live, false, undefined);
  callSafely(run.options().onFinish, {
    message,
    usage: message.usage,
    traceId: live.traceId,
    cacheStatus: live.cacheStatus,
  });
  return message;
}
