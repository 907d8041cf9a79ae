import { callSafely } from './call-safely.js';
import { type ChatMessage, type ChatToolCall, isToolCallSettled } from './chat-message.js';
import type { ChatRun } from './chat-run.js';
import { type ChatState, createInitialChatState, isChatBusy } from './chat-state.js';
import { ChatStateHolder } from './chat-state-holder.js';
import type { ChatStoreLifecycle } from './chat-store-lifecycle.js';
import type {
  ChatInput,
  ChatRequestOptions,
  ChatStoreOptions,
  ChatSubmitOptions,
} from './chat-store-options.js';
import type { ChatTurn } from './chat-transport.js';
import { createMessageId } from './create-message-id.js';
import { createUserMessage } from './create-user-message.js';
import { DEFAULT_MAX_TOOL_ROUNDS } from './defaults.js';
import { failRun } from './fail-run.js';
import { mergeSameTurnCalls } from './merge-same-turn-calls.js';
import { resolveChatTransport } from './resolve-chat-transport.js';
import { Retention } from './retention.js';
import { runToolRound, stopToolRound } from './run-tool-calls.js';
import { forgetTurn, loadTurn } from './saved-turn.js';
import { streamAnswer } from './stream-answer.js';

/**
 * The state and logic of one chat, free of any UI framework: it sends the conversation, streams
 * the answer into `messages`, runs client-side tools and keeps errors as values in the state.
 *
 * A UI reads immutable snapshots with {@link ChatStore.getSnapshot} and hears of changes through
 * {@link ChatStore.connect}, which also declares it a user of the store (the
 * `useSyncExternalStore` contract: `connect` is its `subscribe`). While tokens stream, listeners
 * hear at most one change per animation frame (see `throttleMs`); the final state is always
 * delivered at once. When the last user disconnects, the request in flight is aborted (a
 * resumable turn goes on at the endpoint; see `resume`).
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
  readonly #state: ChatStateHolder;
  readonly #retention: Retention;
  readonly #mergeSameTurnSends = mergeSameTurnCalls<Promise<void>>();
  /** The run in flight, until it ends, fails or is stopped. */
  #currentRun: ChatRun | undefined;

  /**
   * @param options - The store's options; callbacks and request options can be replaced later
   *   with {@link ChatStore.setOptions}.
   * @param lifecycle - Hooks for a registry that hands the store out (see `getChatStore`).
   */
  constructor(options: ChatStoreOptions = {}, lifecycle: ChatStoreLifecycle = {}) {
    this.id = options.id;
    this.#options = options;
    this.#retention = new Retention(() => this.#abort(), lifecycle);
    this.#initialState = createInitialChatState(
      options.initialMessages ?? [],
      options.initialInput ?? '',
    );
    this.#state = new ChatStateHolder(this.#initialState, options.throttleMs);
  }

  /** The current snapshot; the same object until the next change. */
  getSnapshot = (): ChatState => this.#state.current;

  /**
   * The snapshot the store started with (`initialMessages`, `initialInput`), which is what a
   * server rendered: the `getServerSnapshot` of `useSyncExternalStore`, so that hydrating a
   * page whose shared chat has moved on since shows the server's markup first.
   */
  getServerSnapshot = (): ChatState => this.#initialState;

  /** Calls `listener` after every change. Returns the function that unsubscribes. */
  subscribe = (listener: () => void): (() => void) => this.#state.subscribe(listener);

  /**
   * Declares a user of the store, such as a mounted component, and returns the function that
   * ends that use. When the last user leaves and none comes back within the same turn of the
   * event loop, the request in flight is aborted and the store is released from its registry.
   */
  retain = (): (() => void) => this.#retention.retain();

  /**
   * {@link ChatStore.retain} and {@link ChatStore.subscribe} in one: what a mounted UI component
   * does. Returns the function that disconnects (unsubscribes, then ends the use); usable as
   * `useSyncExternalStore`'s `subscribe`.
   */
  connect = (listener: () => void): (() => void) => {
    const release = this.retain();
    const unsubscribe = this.subscribe(listener);
    if (this.#options.resume) void this.resume();
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
    if (input === this.#state.current.input) return;
    this.#state.set({ input });
    this.#state.emit();
  }

  /** Replaces the conversation, or edits it with a function of the current one. */
  setMessages(
    messages:
      | readonly ChatMessage[]
      | ((current: readonly ChatMessage[]) => readonly ChatMessage[]),
  ): void {
    this.#state.set({
      messages: typeof messages === 'function' ? messages(this.#state.current.messages) : messages,
    });
    this.#state.emit();
  }

  /**
   * Appends a user message and streams the answer. A request still in flight is aborted first.
   * Never rejects: failures land in the state's `error`. An identical call in the same
   * synchronous turn is merged with this one (see the class description).
   */
  send(input: ChatInput, request: ChatRequestOptions = {}): Promise<void> {
    const key = JSON.stringify([input, request.body ?? null, request.headers ?? null]);
    return this.#mergeSameTurnSends(key, () => this.#send(input, request));
  }

  /**
   * What a form's submit does: sends the input text (with `options.images`) and clears the
   * input. Does nothing when the text is blank and there are no images.
   */
  submit(options: ChatSubmitOptions = {}): Promise<void> {
    const { images, ...request } = options;
    const text = this.#state.current.input;
    if (text.trim() === '' && !images?.length) return Promise.resolve();
    this.setInput('');
    return this.send(images?.length ? { text, images } : text, request);
  }

  #send(input: ChatInput, request: ChatRequestOptions): Promise<void> {
    const message = createUserMessage(this.#newId(), input);
    this.stop();
    this.#state.set({ messages: [...this.#state.current.messages, message] });
    return this.#run(request);
  }

  /**
   * Drops the answer(s) after the last user message and asks again. Does nothing when the
   * conversation has no user message to answer.
   */
  regenerate(request: ChatRequestOptions = {}): Promise<void> {
    this.stop();
    const messages = this.#state.current.messages;
    let end = messages.length;
    while (end > 0 && messages[end - 1]?.role === 'assistant') end--;
    if (end === 0) return Promise.resolve();
    this.#state.set({ messages: messages.slice(0, end) });
    return this.#run(request);
  }

  /** Clears the error and asks again (the same as `regenerate` after `clearError`). */
  retry(request: ChatRequestOptions = {}): Promise<void> {
    this.clearError();
    return this.regenerate(request);
  }

  /** Clears the error of the last request; the status goes back to `idle`. */
  clearError(): void {
    if (this.#state.current.status !== 'error') return;
    this.#state.set({ status: 'idle', error: undefined });
    this.#state.emit();
  }

  /**
   * Follows the turn this chat had in flight when the page was left (kept with `resume: true`):
   * shows its conversation again and streams the answer from its first event. Does nothing when
   * no turn is kept, the chat is busy, or the transport cannot resume. A UI that connects to a
   * store with `resume: true` calls it.
   */
  resume(): Promise<void> {
    const turn = this.id === undefined ? undefined : loadTurn(this.id);
    const transport = resolveChatTransport(this.#options);
    if (turn === undefined || transport.resume === undefined) return Promise.resolve();
    if (isChatBusy(this.#state.current.status)) return Promise.resolve();
    this.#state.set({ messages: turn.messages });
    return this.#run({}, { turnId: turn.turnId, lastEventId: undefined });
  }

  /**
   * Aborts the request in flight and, for an endpoint that records turns, asks it to stop the
   * turn (`DELETE ?turn=<id>`). The text received so far stays, marked `partial`, and the
   * status goes back to `idle`. Tool calls that `onToolCall` is still running are marked
   * `error` ("stopped") and their `signal` is aborted.
   */
  stop(): void {
    const turnId = this.#currentRun?.turnId;
    this.#abort();
    if (turnId === undefined) return;
    if (this.#options.resume && this.id !== undefined) forgetTurn(this.id);
    resolveChatTransport(this.#options).stop?.(turnId, { ...this.#options.headers });
  }

  /** Stops the run in flight here only: the endpoint's turn goes on (a disconnect, not a stop). */
  #abort(): void {
    const run = this.#currentRun;
    if (run === undefined) return;
    this.#currentRun = undefined;
    run.controller.abort();
    const live = this.#state.live;
    if (live?.controller === run.controller) this.#state.finishAnswer(live, true, undefined);
    stopToolRound(run);
    this.#state.set({ status: 'idle' });
    this.#state.emit();
  }

  /**
   * Gives the result of a tool call that `onToolCall` left open. Once every tool call of the
   * last answer has a result, they are sent back to the model.
   */
  addToolResult(toolCallId: string, result: unknown): Promise<void> {
    const messages = this.#state.current.messages;
    const index = messages.findIndex((m) => m.toolCalls?.some((call) => call.id === toolCallId));
    const message = messages[index];
    if (message?.toolCalls === undefined) return Promise.resolve();
    const toolCalls = message.toolCalls.map(
      (call): ChatToolCall => (call.id === toolCallId ? { ...call, status: 'done', result } : call),
    );
    this.#state.replaceMessage({ ...message, toolCalls });
    this.#state.emit();
    const isLast = index === messages.length - 1;
    if (!isLast || isChatBusy(this.#state.current.status) || !toolCalls.every(isToolCallSettled)) {
      return Promise.resolve();
    }
    return this.#run({});
  }

  /**
   * Runs an exchange: answers, and rounds of client tool calls while they all get results. The
   * first answer follows `turn` when one is given.
   */
  async #run(request: ChatRequestOptions, turn?: ChatTurn): Promise<void> {
    const run: ChatRun = {
      controller: new AbortController(),
      state: this.#state,
      runningToolsOf: undefined,
      turnId: undefined,
      options: () => this.#options,
      newId: () => this.#newId(),
      isCurrent: () => this.#currentRun === run,
    };
    this.#currentRun = run;
    try {
      const maxRounds = this.#options.maxToolRounds ?? DEFAULT_MAX_TOOL_ROUNDS;
      let round = 0;
      let message = await streamAnswer(run, request, turn);
      while (message !== undefined && (await runToolRound(run, message, round < maxRounds))) {
        round++;
        message = await streamAnswer(run, request);
      }
      if (this.#currentRun !== run) return;
      this.#currentRun = undefined;
      this.#state.set({ status: 'idle' });
      this.#state.emit();
    } catch (error) {
      // After stop() or a newer request the state is no longer this request's to set.
      if (this.#currentRun !== run) return;
      this.#currentRun = undefined;
      if (this.#options.resume && this.id !== undefined) forgetTurn(this.id);
      callSafely(this.#options.onError, failRun(run, error));
    }
  }

  #newId(): string {
    return (this.#options.generateId ?? createMessageId)();
  }
}
