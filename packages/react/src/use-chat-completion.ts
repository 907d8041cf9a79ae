import {
  type ChatInput,
  type ChatMessage,
  type ChatRequestOptions,
  type ChatState,
  type ChatStore,
  type ChatStoreOptions,
  type ChatSubmitOptions,
  isChatBusy,
  resolveChatStore,
} from '@chatwire/core/chat';
import { type ChangeEvent, useInsertionEffect, useMemo, useRef, useSyncExternalStore } from 'react';

/**
 * Options of {@link useChatCompletion}: every option of the core chat store. They may be passed
 * inline on every render; the latest callbacks and request options are used without recreating
 * the chat. `id`, `initialMessages`, `initialInput` and `throttleMs` are read once.
 *
 * Components that pass the same `id` share one chat and so one set of options: the options
 * (callbacks, `body`, `headers`, …) of the component that rendered most recently are used.
 */
export interface UseChatCompletionOptions extends ChatStoreOptions {}

/** What {@link useChatCompletion} returns: the chat's state and its actions. */
export interface UseChatCompletionResult extends ChatState {
  /** The chat's id, when the options named one. */
  id: string | undefined;
  /**
   * `true` while a request is in flight (`status` is `submitted`, `streaming`, `reconnecting`
   * or `stalled`).
   */
  isLoading: boolean;
  /** Sets the input text. */
  setInput: (input: string) => void;
  /** An `onChange` handler for an `<input>` or `<textarea>` bound to `input`. */
  handleInputChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  /**
   * An `onSubmit` handler for the form: sends `input` (with `options.images`) and clears it.
   * Does nothing when both are empty.
   */
  handleSubmit: (event?: { preventDefault?: () => void }, options?: ChatSubmitOptions) => void;
  /**
   * Sends a user message (text, or `{ text, images }`) and streams the answer. The same message
   * sent twice in one synchronous turn with the same `body` and `headers` (StrictMode's double
   * mount effect) is sent once.
   */
  send: (input: ChatInput, options?: ChatRequestOptions) => Promise<void>;
  /** The same as `send`. */
  append: (input: ChatInput, options?: ChatRequestOptions) => Promise<void>;
  /**
   * Aborts the answer in flight, and stops its turn at an endpoint that records turns; the text
   * so far stays, marked `partial`.
   */
  stop: () => void;
  /** Drops the last answer and asks again. */
  reload: (options?: ChatRequestOptions) => Promise<void>;
  /** The same as `reload`. */
  regenerate: (options?: ChatRequestOptions) => Promise<void>;
  /** Replaces the conversation, or edits it with a function of the current one. */
  setMessages: (
    messages:
      | readonly ChatMessage[]
      | ((current: readonly ChatMessage[]) => readonly ChatMessage[]),
  ) => void;
  /** Clears `error`; `status` goes back to `idle`. */
  clearError: () => void;
  /** Clears the error and asks again. */
  retry: (options?: ChatRequestOptions) => Promise<void>;
  /** Gives the result of a tool call that `onToolCall` left open. */
  addToolResult: (toolCallId: string, result: unknown) => Promise<void>;
}

type ChatActions = Omit<UseChatCompletionResult, keyof ChatState | 'id' | 'isLoading'>;

/**
 * A streaming chat bound to a React component. It posts the conversation to `api` (default
 * `/api/chat`), reads the OpenAI/Portkey chunk stream of the answer, and re-renders at most once
 * per animation frame while tokens arrive.
 *
 * Components that pass the same `id` share one conversation, and the options of the one that
 * rendered most recently. Unmounting the last of them aborts the request in flight. With
 * `resume: true` and an `id`, an answer still streaming when the page was reloaded continues
 * after the reload (see the README's "Resumable turns").
 *
 * @example
 * ```tsx
 * const { messages, input, handleInputChange, handleSubmit, isLoading, stop } =
 *   useChatCompletion({ body: { model: 'gpt-4o-mini' } });
 * ```
 */
export function useChatCompletion(options: UseChatCompletionOptions = {}): UseChatCompletionResult {
  const ownStore = useRef<ChatStore | undefined>(undefined);
  const store = resolveChatStore(options, ownStore);
  useInsertionEffect(() => {
    store.setOptions(options);
  });
  const actions = useMemo(() => createActions(store), [store]);
  const state = useSyncExternalStore(store.connect, store.getSnapshot, store.getServerSnapshot);
  return { ...state, ...actions, id: store.id, isLoading: isChatBusy(state.status) };
}

function createActions(store: ChatStore): ChatActions {
  const send = (input: ChatInput, options?: ChatRequestOptions) => store.send(input, options);
  const regenerate = (options?: ChatRequestOptions) => store.regenerate(options);
  return {
    send,
    append: send,
    reload: regenerate,
    regenerate,
    stop: () => store.stop(),
    setInput: (input) => store.setInput(input),
    setMessages: (messages) => store.setMessages(messages),
    clearError: () => store.clearError(),
    retry: (options) => store.retry(options),
    addToolResult: (toolCallId, result) => store.addToolResult(toolCallId, result),
    handleInputChange: (event) => store.setInput(event.target.value),
    handleSubmit: (event, options) => {
      event?.preventDefault?.();
      void store.submit(options);
    },
  };
}
