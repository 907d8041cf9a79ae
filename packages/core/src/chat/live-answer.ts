import { ChatCompletionAccumulator } from '../stream/chat-completion-accumulator.js';
import type { ChatCompletion, ChatCompletionChunk } from '../types/index.js';
import type { ChatMessage } from './chat-message.js';

/** What is known of an answer before its first chunk: the request and its response headers. */
export interface LiveAnswerStart {
  /** The id of the assistant message the answer becomes. */
  id: string;
  /** The controller of the run the answer belongs to. */
  controller: AbortController;
  /** When the request was sent (`Date.now()`), for the message's `latencyMs`. */
  startedAt: number;
  /** Portkey's trace id from the response headers. */
  traceId: string | undefined;
  /** The span id of the server's upstream call, from the response headers. */
  spanId?: string | undefined;
  /** Portkey's cache verdict from the response headers. */
  cacheStatus: string | undefined;
}

/** An answer being streamed: its chunks so far, and the assistant message they make. */
export class LiveAnswer {
  readonly id: string;
  readonly controller: AbortController;
  readonly traceId: string | undefined;
  readonly spanId: string | undefined;
  readonly cacheStatus: string | undefined;
  readonly #startedAt: number;
  readonly #accumulator = new ChatCompletionAccumulator();
  /** Whether the message is in `messages` yet (it is added with the first chunk). */
  shown = false;
  /** Whether chunks arrived since the message was last built. */
  dirty = false;

  constructor(start: LiveAnswerStart) {
    this.id = start.id;
    this.controller = start.controller;
    this.traceId = start.traceId;
    this.spanId = start.spanId;
    this.cacheStatus = start.cacheStatus;
    this.#startedAt = start.startedAt;
  }

  /** The completion the chunks so far add up to. */
  get completion(): ChatCompletion {
    return this.#accumulator.completion;
  }

  /** Adds a chunk; the message is out of date (`dirty`) until it is built again. */
  add(chunk: ChatCompletionChunk): void {
    this.#accumulator.add(chunk);
    this.dirty = true;
  }

  /**
   * The assistant message as received so far. A `finished` one has its tool calls `ready`
   * (else `streaming`), its usage and its finish reason.
   */
  message(finished: boolean): ChatMessage {
    const completion = this.#accumulator.completion;
    const choice = completion.choices[0];
    const message: ChatMessage = {
      id: this.id,
      role: 'assistant',
      content: choice?.message.content ?? '',
    };
    const refusal = choice?.message.refusal;
    if (refusal) message.refusal = refusal;
    const toolCalls = choice?.message.tool_calls;
    if (toolCalls?.length) {
      message.toolCalls = toolCalls.map((call) => ({
        id: call.id,
        name: call.function.name,
        arguments: call.function.arguments,
        status: finished ? 'ready' : 'streaming',
      }));
    }
    if (completion.model) message.model = completion.model;
    if (this.traceId !== undefined) message.traceId = this.traceId;
    if (this.spanId !== undefined) message.spanId = this.spanId;
    if (this.cacheStatus !== undefined) message.cacheStatus = this.cacheStatus;
    if (finished) {
      if (completion.usage) message.usage = completion.usage;
      if (choice?.finish_reason) message.finishReason = choice.finish_reason;
    }
    return message;
  }

  /**
   * The final form of the message, with its latency; `partial` when it stopped early, with the
   * `error` that cut it off.
   */
  finalMessage(partial: boolean, error: string | undefined): ChatMessage {
    const message = this.message(true);
    message.latencyMs = Date.now() - this.#startedAt;
    if (partial) message.partial = true;
    if (error !== undefined) message.error = error;
    return message;
  }
}
