import {
  type ChatImage,
  type ChatInput,
  type ChatMessage,
  type ChatRequestOptions,
  type ChatState,
  ChatStore,
  type ChatStoreOptions,
  getChatStore,
  isChatBusy,
} from '@chatwire/core/chat';
import { type ChangeEvent, useInsertionEffect, useMemo, useRef, useSyncExternalStore } from 'react';

/**
 * Options of {@link useChatCompletion}: every option of the core chat store. They may be passed
 * inline on every render; the latest callbacks and request options are used without recreating
 * the chat. `id`, `initialMessages`, `initialInput` and `throttleMs` are read once.
 */
export interface UseChatCompletionOptions extends ChatStoreOptions {}

/** Options of `handleSubmit`: the request additions plus images to attach. */
export interface ChatSubmitOptions extends ChatRequestOptions {
  /** Images to send with the input text: `http(s)` or `data:` URLs. */
  images?: readonly (string | ChatImage)[];
}

/** What {@link useChatCompletion} returns: the chat's state and its actions. */
export interface UseChatCompletionResult extends ChatState {
  /** The chat's id, when the options named one. */
  id: string | undefined;
  /** `true` while a request is in flight (`status` is `submitted` or `streaming`). */
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
  /** Sends a user message (text, or `{ text, images }`) and streams the answer. */
  send: (input: ChatInput, options?: ChatRequestOptions) => Promise<void>;
  /** The same as `send`. */
  append: (input: ChatInput, options?: ChatRequestOptions) => Promise<void>;
  /** Aborts the answer in flight; the text so far stays, marked `partial`. */
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
 * Components that pass the same `id` share one conversation. Unmounting the last of them aborts
 * the request in flight.
 *
 * @example
 * ```tsx
 * const { messages, input, handleInputChange, handleSubmit, isLoading, stop } =
 *   useChatCompletion({ body: { model: 'gpt-4o-mini' } });
 * ```
 */
export function useChatCompletion(options: UseChatCompletionOptions = {}): UseChatCompletionResult {
  const localStore = useRef<ChatStore | undefined>(undefined);
  // The registry is page-wide; on a server it would leak one visitor's chat into another's.
  let store: ChatStore;
  if (options.id !== undefined && typeof window !== 'undefined') {
    store = getChatStore(options.id, options);
  } else {
    localStore.current ??= new ChatStore(options);
    store = localStore.current;
  }

  useInsertionEffect(() => {
    store.setOptions(options);
  });

  const subscribe = useMemo(() => subscribeAsUser(store), [store]);
  const actions = useMemo(() => createActions(store), [store]);
  const state = useSyncExternalStore(subscribe, store.getSnapshot, store.getSnapshot);
  return { ...state, ...actions, id: store.id, isLoading: isChatBusy(state.status) };
}

/** A mounted component is a user of the store: unmounting the last one aborts its request. */
function subscribeAsUser(store: ChatStore): (listener: () => void) => () => void {
  return (listener) => {
    const release = store.retain();
    const unsubscribe = store.subscribe(listener);
    return () => {
      unsubscribe();
      release();
    };
  };
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
    handleSubmit: (event, options = {}) => {
      event?.preventDefault?.();
      const text = store.getSnapshot().input;
      const { images, ...request } = options;
      if (text.trim() === '' && !images?.length) return;
      store.setInput('');
      void store.send(images?.length ? { text, images } : text, request);
    },
  };
}
