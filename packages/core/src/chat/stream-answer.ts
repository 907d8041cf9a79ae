import { callSafely } from './call-safely.js';
import type { ChatMessage } from './chat-message.js';
import type { ChatRun } from './chat-run.js';
import type { ChatRequestOptions } from './chat-store-options.js';
import { LiveAnswer } from './live-answer.js';
import { resolveChatTransport } from './resolve-chat-transport.js';
import { toOpenAIMessages } from './to-openai-messages.js';

/**
 * Sends the conversation and streams the answer into the state. Resolves to the finished
 * message, or `undefined` when the run was stopped or replaced meanwhile; rejects when the
 * request or the stream fails.
 */
export async function streamAnswer(
  run: ChatRun,
  request: ChatRequestOptions,
): Promise<ChatMessage | undefined> {
  const { state, controller } = run;
  const options = run.options();
  const startedAt = Date.now();
  state.set({ status: 'submitted', error: undefined, usage: undefined, finishReason: undefined });
  state.emit();
  const response = await resolveChatTransport(options).send({
    messages: toOpenAIMessages(state.current.messages),
    body: { ...options.body, ...request.body },
    headers: { ...options.headers, ...request.headers },
    signal: controller.signal,
  });
  if (!run.isCurrent()) return undefined;
  const live = new LiveAnswer({
    id: run.newId(),
    controller,
    startedAt,
    traceId: response.traceId,
    cacheStatus: response.cacheStatus,
  });
  state.startAnswer(live);
  for await (const chunk of response.chunks) {
    if (!run.isCurrent()) return undefined;
    state.addChunk(live, chunk);
    callSafely(run.options().onChunk, chunk);
  }
  if (!run.isCurrent()) return undefined;
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
