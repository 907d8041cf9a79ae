import { APIError } from '../errors/api-errors.js';
import { ChatwireError } from '../errors/chatwire-error.js';
import { StreamTruncatedError } from '../errors/stream-truncated-error.js';
import { ChatCompletionAccumulator } from '../stream/chat-completion-accumulator.js';
import { callSafely } from './call-safely.js';
import { type ChatMessage, type ChatToolCall, isToolCallSettled } from './chat-message.js';
import { type ChatState, isChatBusy } from './chat-state.js';
import type { ChatStoreLifecycle } from './chat-store-lifecycle.js';
import type {
  ChatInput,
  ChatRequestOptions,
  ChatStoreOptions,
  ChatSubmitOptions,
  ChatToolCallEvent,
} from './chat-store-options.js';
import type { ChatTransport } from './chat-transport.js';
import { createClientChatTransport } from './client-chat-transport.js';
import { createMessageId } from './create-message-id.js';
import { createHttpChatTransport } from './http-chat-transport.js';
import { createThrottle, type Throttle } from './throttle.js';
import { toOpenAIMessages } from './to-openai-messages.js';

/** The answer being streamed: its chunks and what the response headers said. */
interface LiveAnswer {
  readonly id: string;
  readonly controller: AbortController;
  readonly accumulator: ChatCompletionAccumulator;
  readonly startedAt: number;
  readonly traceId: string | undefined;
  readonly cacheStatus: string | undefined;
  /** Whether the message is in `messages` yet (it is added with the first chunk). */
  shown: boolean;
  /** Whether chunks arrived since the message was last rebuilt. */
  dirty: boolean;
}

const DEFAULT_MAX_TOOL_ROUNDS = 5;
const STOPPED_TOOL_CALL = 'Stopped.';

/**
 * The state and logic of one chat, free of any UI framework: it sends the conversation, streams
 * the answer into `messages`, runs client-side tools and keeps errors as values in the state.
 *
 * A UI reads immutable snapshots with {@link ChatStore.getSnapshot} and hears of changes through
 * {@link ChatStore.connect}, which also declares it a user of the store (the
 * `useSyncExternalStore` contract: `connect` is its `subscribe`). While tokens stream, listeners
 * hear at most one change per animation frame (see `throttleMs`); the final state is always
 * delivered at once. When the last user disconnects, the request in flight is aborted.
 *
 * The same message sent twice within one synchronous turn, with the same request `body` and
 * `headers`, is sent once: frameworks run effects twice in development (React's StrictMode),
 * and a mount effect that sends must not post the message twice. The second call returns the
 * first call's promise. A message sent again in a later turn, or with other options, is sent
 * again.
 *
 * @example
 * ```ts
 * const chat = new ChatStore({ api: '/api/chat', body: { model: 'gpt-4o-mini' } });
 * const disconnect = chat.connect(() => render(chat.getSnapshot()));
 * await chat.send('Hello!');
 * ```
 */
export class ChatStore {
  /** The chat's id, when it was given one. */
  readonly id: string | undefined;
  #options: ChatStoreOptions;
  readonly #initialState: ChatState;
  #state: ChatState;
  #listeners = new Set<() => void>();
  #users = 0;
  #released = false;
  #throttle: Throttle;
  #controller: AbortController | undefined;
  #live: LiveAnswer | undefined;
  /** The answer whose tool calls `onToolCall` is running, and the run they belong to. */
  #runningTools: { controller: AbortController; messageId: string } | undefined;
  #releaseTimer: ReturnType<typeof setTimeout> | undefined;
  #lifecycle: ChatStoreLifecycle;
  #sendThisTurn: { key: string; done: Promise<void> } | undefined;

  /**
   * @param options - The store's options; callbacks and request options can be replaced later
   *   with {@link ChatStore.setOptions}.
   * @param lifecycle - Hooks for a registry that hands the store out (see `getChatStore`).
   */
  constructor(options: ChatStoreOptions = {}, lifecycle: ChatStoreLifecycle = {}) {
    this.id = options.id;
    this.#options = options;
    this.#lifecycle = lifecycle;
    this.#throttle = createThrottle(() => this.#emit(), options.throttleMs);
    this.#initialState = {
      messages: options.initialMessages ?? [],
      input: options.initialInput ?? '',
      status: 'idle',
      error: undefined,
      usage: undefined,
      finishReason: undefined,
      traceId: undefined,
      cacheStatus: undefined,
    };
    this.#state = this.#initialState;
  }

  /** The current snapshot; the same object until the next change. */
  getSnapshot = (): ChatState => this.#state;

  /**
   * The snapshot the store started with (`initialMessages`, `initialInput`), which is what a
   * server rendered: the `getServerSnapshot` of `useSyncExternalStore`, so that hydrating a
   * page whose shared chat has moved on since shows the server's markup first.
   */
  getServerSnapshot = (): ChatState => this.#initialState;

  /** Calls `listener` after every change. Returns the function that unsubscribes. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /**
   * Declares a user of the store, such as a mounted component, and returns the function that
   * ends that use. When the last user leaves and none comes back within the same turn of the
   * event loop, the request in flight is aborted and the store is released from its registry.
   */
  retain = (): (() => void) => {
    if (this.#users++ === 0 && this.#released) {
      this.#released = false;
      this.#lifecycle.onReuse?.();
    }
    clearTimeout(this.#releaseTimer);
    this.#releaseTimer = undefined;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.#users > 0) return;
      // Deferred so that a remount in the same commit (React StrictMode) keeps the request.
      this.#releaseTimer = setTimeout(() => {
        this.#releaseTimer = undefined;
        if (this.#users > 0) return;
        this.stop();
        this.#released = true;
        this.#lifecycle.onRelease?.();
      }, 0);
    };
  };

  /**
   * {@link ChatStore.retain} and {@link ChatStore.subscribe} in one: what a mounted UI component
   * does. Returns the function that disconnects (unsubscribes, then ends the use); usable as
   * `useSyncExternalStore`'s `subscribe`.
   */
  connect = (listener: () => void): (() => void) => {
    const release = this.retain();
    const unsubscribe = this.subscribe(listener);
    return () => {
      unsubscribe();
      release();
    };
  };

  /**
   * Replaces the options used from now on (callbacks, `body`, `headers`, transport). `id`,
   * `initialMessages`, `initialInput` and `throttleMs` are read once, when the store is made.
   * Several users of one store share one set of options: the last given wins.
   */
  setOptions(options: ChatStoreOptions): void {
    this.#options = options;
  }

  /** Sets the input text. */
  setInput(input: string): void {
    if (input === this.#state.input) return;
    this.#set({ input });
    this.#emit();
  }

  /** Replaces the conversation, or edits it with a function of the current one. */
  setMessages(
    messages:
      | readonly ChatMessage[]
      | ((current: readonly ChatMessage[]) => readonly ChatMessage[]),
  ): void {
    this.#set({
      messages: typeof messages === 'function' ? messages(this.#state.messages) : messages,
    });
    this.#emit();
  }

  /**
   * Appends a user message and streams the answer. A request still in flight is aborted first.
   * Never rejects: failures land in the state's `error`. An identical call in the same
   * synchronous turn is merged with this one (see the class description).
   */
  send(input: ChatInput, request: ChatRequestOptions = {}): Promise<void> {
    const key = JSON.stringify([input, request.body ?? null, request.headers ?? null]);
    if (this.#sendThisTurn?.key === key) return this.#sendThisTurn.done;
    const done = this.#send(input, request);
    this.#sendThisTurn = { key, done };
    queueMicrotask(() => {
      this.#sendThisTurn = undefined;
    });
    return done;
  }

  /**
   * What a form's submit does: sends the input text (with `options.images`) and clears the
   * input. Does nothing when the text is blank and there are no images.
   */
  submit(options: ChatSubmitOptions = {}): Promise<void> {
    const { images, ...request } = options;
    const text = this.#state.input;
    if (text.trim() === '' && !images?.length) return Promise.resolve();
    this.setInput('');
    return this.send(images?.length ? { text, images } : text, request);
  }

  #send(input: ChatInput, request: ChatRequestOptions): Promise<void> {
    const text = typeof input === 'string' ? input : input.text;
    const images = typeof input === 'string' ? undefined : input.images;
    const message: ChatMessage = {
      id: this.#newId(),
      role: 'user',
      content: text,
    };
    if (images?.length) {
      message.images = images.map((image) => (typeof image === 'string' ? { url: image } : image));
    }
    this.stop();
    this.#set({ messages: [...this.#state.messages, message] });
    return this.#run(request);
  }

  /**
   * Drops the answer(s) after the last user message and asks again. Does nothing when the
   * conversation has no user message to answer.
   */
  regenerate(request: ChatRequestOptions = {}): Promise<void> {
    this.stop();
    const messages = this.#state.messages;
    let end = messages.length;
    while (end > 0 && messages[end - 1]?.role === 'assistant') end--;
    if (end === 0) return Promise.resolve();
    this.#set({ messages: messages.slice(0, end) });
    return this.#run(request);
  }

  /** Clears the error and asks again (the same as `regenerate` after `clearError`). */
  retry(request: ChatRequestOptions = {}): Promise<void> {
    this.clearError();
    return this.regenerate(request);
  }

  /** Clears the error of the last request; the status goes back to `idle`. */
  clearError(): void {
    if (this.#state.status !== 'error') return;
    this.#set({ status: 'idle', error: undefined });
    this.#emit();
  }

  /**
   * Aborts the request in flight. The text received so far stays, marked `partial`, and the
   * status goes back to `idle`. Tool calls that `onToolCall` is still running are marked
   * `error` ("stopped") and their `signal` is aborted.
   */
  stop(): void {
    const controller = this.#controller;
    if (controller === undefined) return;
    this.#controller = undefined;
    controller.abort();
    const live = this.#live;
    if (live?.controller === controller) this.#finishAnswer(live, true, undefined);
    const tools = this.#runningTools;
    if (tools?.controller === controller) {
      this.#runningTools = undefined;
      this.#markStopped(tools.messageId);
    }
    this.#set({ status: 'idle' });
    this.#emit();
  }

  /**
   * Gives the result of a tool call that `onToolCall` left open. Once every tool call of the
   * last answer has a result, they are sent back to the model.
   */
  addToolResult(toolCallId: string, result: unknown): Promise<void> {
    const messages = this.#state.messages;
    const index = messages.findIndex((m) => m.toolCalls?.some((call) => call.id === toolCallId));
    const message = messages[index];
    if (message?.toolCalls === undefined) return Promise.resolve();
    const toolCalls = message.toolCalls.map(
      (call): ChatToolCall => (call.id === toolCallId ? { ...call, status: 'done', result } : call),
    );
    this.#replaceMessage({ ...message, toolCalls });
    this.#emit();
    const isLast = index === messages.length - 1;
    if (!isLast || isChatBusy(this.#state.status) || !toolCalls.every(isToolCallSettled)) {
      return Promise.resolve();
    }
    return this.#run({});
  }

  async #run(request: ChatRequestOptions): Promise<void> {
    const controller = new AbortController();
    this.#controller = controller;
    try {
      const maxRounds = this.#options.maxToolRounds ?? DEFAULT_MAX_TOOL_ROUNDS;
      let round = 0;
      let message = await this.#answer(controller, request);
      while (
        message !== undefined &&
        (await this.#runTools(controller, message, round < maxRounds))
      ) {
        round++;
        message = await this.#answer(controller, request);
      }
      if (this.#controller !== controller) return;
      this.#controller = undefined;
      this.#set({ status: 'idle' });
      this.#emit();
    } catch (error) {
      this.#fail(controller, error);
    }
  }

  /**
   * Streams one answer. Resolves to the finished message, or `undefined` when the request was
   * stopped or replaced meanwhile.
   */
  async #answer(
    controller: AbortController,
    request: ChatRequestOptions,
  ): Promise<ChatMessage | undefined> {
    const options = this.#options;
    const startedAt = Date.now();
    this.#set({ status: 'submitted', error: undefined, usage: undefined, finishReason: undefined });
    this.#emit();
    const response = await this.#transport().send({
      messages: toOpenAIMessages(this.#state.messages),
      body: { ...options.body, ...request.body },
      headers: { ...options.headers, ...request.headers },
      signal: controller.signal,
    });
    if (this.#controller !== controller) return undefined;
    const live: LiveAnswer = {
      id: this.#newId(),
      controller,
      accumulator: new ChatCompletionAccumulator(),
      startedAt,
      traceId: response.traceId,
      cacheStatus: response.cacheStatus,
      shown: false,
      dirty: false,
    };
    this.#live = live;
    this.#set({ traceId: response.traceId, cacheStatus: response.cacheStatus });
    for await (const chunk of response.chunks) {
      if (this.#controller !== controller) return undefined;
      live.accumulator.add(chunk);
      if (!live.shown) {
        live.shown = true;
        this.#set({
          status: 'streaming',
          messages: [...this.#state.messages, this.#buildMessage(live, false)],
        });
      }
      live.dirty = true;
      this.#throttle.schedule();
      callSafely(this.#options.onChunk, chunk);
    }
    if (this.#controller !== controller) return undefined;
    // Not emitted here: the caller's next change (tools running, or idle) carries it.
    const message = this.#finishAnswer(live, false, undefined);
    callSafely(this.#options.onFinish, {
      message,
      usage: message.usage,
      traceId: live.traceId,
      cacheStatus: live.cacheStatus,
    });
    return message;
  }

  /**
   * Runs the answer's tool calls with `onToolCall` when `allowed` (the round limit is not yet
   * reached). Resolves to `true` when they all got results, so the conversation should go back
   * to the model.
   */
  async #runTools(
    controller: AbortController,
    message: ChatMessage,
    allowed: boolean,
  ): Promise<boolean> {
    const onToolCall = this.#options.onToolCall;
    const calls = message.toolCalls;
    if (onToolCall === undefined || calls === undefined) return false;
    if (!allowed) {
      this.#replaceMessage({ ...message, toolRoundLimitReached: true });
      return false;
    }
    this.#runningTools = { controller, messageId: message.id };
    this.#replaceMessage({
      ...message,
      toolCalls: calls.map((call) => ({ ...call, status: 'running' })),
    });
    this.#emit();
    const settled = await Promise.all(
      calls.map((call) => runToolCall(onToolCall, call, controller.signal)),
    );
    if (this.#controller !== controller) return false;
    this.#runningTools = undefined;
    this.#replaceMessage({ ...message, toolCalls: settled });
    this.#emit();
    return settled.every(isToolCallSettled);
  }

  /** Marks the calls of a stopped tool run that had not finished. */
  #markStopped(messageId: string): void {
    const message = this.#state.messages.find((m) => m.id === messageId);
    if (message?.toolCalls === undefined) return;
    this.#replaceMessage({
      ...message,
      toolCalls: message.toolCalls.map(
        (call): ChatToolCall =>
          call.status === 'running' ? { ...call, status: 'error', error: STOPPED_TOOL_CALL } : call,
      ),
    });
  }

  #fail(controller: AbortController, error: unknown): void {
    // After stop() or a newer request the state is no longer this request's to set.
    if (this.#controller !== controller) return;
    this.#controller = undefined;
    const live = this.#live?.controller === controller ? this.#live : undefined;
    let failure =
      error instanceof Error ? error : new ChatwireError(`The request failed: ${String(error)}`);
    if (live !== undefined) {
      if (failure instanceof StreamTruncatedError) {
        failure = new StreamTruncatedError(live.accumulator.completion);
      }
      this.#finishAnswer(live, true, failure.message);
    }
    // The trace and cache status of the failed request, never those of an earlier answer.
    const traceId = failure instanceof APIError ? failure.traceID : null;
    this.#set({
      status: 'error',
      error: failure,
      traceId: traceId ?? live?.traceId,
      cacheStatus: live?.cacheStatus,
    });
    this.#emit();
    callSafely(this.#options.onError, failure);
  }

  /** Puts the final form of an answer into the state and stops tracking it. */
  #finishAnswer(live: LiveAnswer, partial: boolean, error: string | undefined): ChatMessage {
    if (this.#live === live) this.#live = undefined;
    const message = this.#buildMessage(live, true);
    message.latencyMs = Date.now() - live.startedAt;
    if (partial) message.partial = true;
    if (error !== undefined) message.error = error;
    if (live.shown) this.#replaceMessage(message);
    else this.#set({ messages: [...this.#state.messages, message] });
    if (!partial) this.#set({ usage: message.usage, finishReason: message.finishReason });
    return message;
  }

  #buildMessage(live: LiveAnswer, finished: boolean): ChatMessage {
    const completion = live.accumulator.completion;
    const choice = completion.choices[0];
    const message: ChatMessage = {
      id: live.id,
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
    if (live.traceId !== undefined) message.traceId = live.traceId;
    if (live.cacheStatus !== undefined) message.cacheStatus = live.cacheStatus;
    if (finished) {
      if (completion.usage) message.usage = completion.usage;
      if (choice?.finish_reason) message.finishReason = choice.finish_reason;
    }
    return message;
  }

  #replaceMessage(message: ChatMessage): void {
    const messages = this.#state.messages;
    for (let i = messages.length - 1; i >= 0; i--) {
      if (messages[i]?.id !== message.id) continue;
      const next = messages.slice();
      next[i] = message;
      this.#set({ messages: next });
      return;
    }
  }

  #transport(): ChatTransport {
    const options = this.#options;
    if (options.transport) return options.transport;
    if (options.client) return createClientChatTransport(options.client);
    return createHttpChatTransport({
      api: options.api,
      fetch: options.fetch,
      credentials: options.credentials,
    });
  }

  #newId(): string {
    return (this.#options.generateId ?? createMessageId)();
  }

  #set(patch: Partial<ChatState>): void {
    this.#state = { ...this.#state, ...patch };
  }

  /** Brings the streamed message up to date and tells every subscriber. */
  #emit(): void {
    this.#throttle.cancel();
    const live = this.#live;
    if (live?.dirty) {
      live.dirty = false;
      this.#replaceMessage(this.#buildMessage(live, false));
    }
    for (const listener of [...this.#listeners]) listener();
  }
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
