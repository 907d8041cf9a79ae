import type { ChatTransport } from '../chat/chat-transport.js';
import { createHttpChatTransport } from '../chat/http-chat-transport.js';
import { Listeners } from '../chat/listeners.js';
import { createThrottle, type Throttle } from '../chat/throttle.js';
import { InvalidOptionError } from '../errors/chatwire-error.js';
import type { ChatCompletionChunk, ChatCompletionMessageParam } from '../types/index.js';
import { validatorOf } from './attached-validator.js';
import { parseStructuredText } from './parse-structured-text.js';
import { parsePartialJson } from './partial-json.js';
import { createInitialStructuredState, type StructuredState } from './structured-state.js';
import type {
  StructuredRequestOptions,
  StructuredStoreOptions,
} from './structured-store-options.js';

/** The text and refusal of the first choice, as they arrive. */
interface FirstChoice {
  text: string;
  refusal: string;
}

function addChunk(answer: FirstChoice, chunk: ChatCompletionChunk): boolean {
  const delta = chunk.choices.find((choice) => choice.index === 0)?.delta;
  if (delta?.refusal) answer.refusal += delta.refusal;
  if (!delta?.content) return false;
  answer.text += delta.content;
  return true;
}

/**
 * The state of one structured request, free of any UI framework: it posts the messages with a
 * parseable `response_format`, exposes the object while its JSON arrives (`partialObject`) and
 * the checked object at the end (`object`). Errors, an invalid answer included, are kept in
 * the state as values.
 *
 * A UI reads snapshots with {@link getSnapshot} and hears of changes with {@link subscribe}
 * (the `useSyncExternalStore` contract). While the object streams, listeners hear at most one
 * change per animation frame (see `throttleMs`); the final state is delivered at once.
 *
 * @typeParam T The type of a valid answer.
 * @example
 * ```ts
 * const store = new StructuredStore({ api: '/api/chat', responseFormat: zodResponseFormat(Recipe, 'recipe') });
 * store.subscribe(() => render(store.getSnapshot().partialObject));
 * await store.submit('A recipe for pancakes');
 * ```
 */
export class StructuredStore<T> {
  #options: StructuredStoreOptions<T>;
  readonly #initial: StructuredState<T> = createInitialStructuredState();
  #state: StructuredState<T> = this.#initial;
  readonly #listeners = new Listeners();
  readonly #throttle: Throttle;
  #controller: AbortController | undefined;

  /** @param options The store's options; replace them later with {@link setOptions}. */
  constructor(options: StructuredStoreOptions<T>) {
    this.#options = options;
    this.#throttle = createThrottle(() => this.#emit(), options.throttleMs);
  }

  /** The current snapshot; the same object until the next change. */
  getSnapshot = (): StructuredState<T> => this.#state;

  /** The snapshot before any request, for server rendering. */
  getServerSnapshot = (): StructuredState<T> => this.#initial;

  /** Calls `listener` on every change. Returns the function that unsubscribes. */
  subscribe = (listener: () => void): (() => void) => this.#listeners.subscribe(listener);

  /** Replaces the options; `throttleMs` is read once, at construction. */
  setOptions(options: StructuredStoreOptions<T>): void {
    this.#options = options;
  }

  /**
   * Asks for an object: `input` is the user's text, or the whole conversation. A request in
   * flight is stopped first. Resolves when the request has ended; never rejects (errors land in
   * `error`).
   */
  async submit(
    input: string | ChatCompletionMessageParam[],
    request: StructuredRequestOptions = {},
  ): Promise<void> {
    this.stop();
    const controller = new AbortController();
    this.#controller = controller;
    this.#set({ ...this.#initial, status: 'submitted' });
    try {
      await this.#run(input, request, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return;
      const failure = error instanceof Error ? error : new Error(String(error));
      this.#set({ status: 'error', error: failure });
      this.#options.onError?.(failure);
    } finally {
      if (this.#controller === controller) this.#controller = undefined;
    }
  }

  /** Aborts the request in flight; what arrived of the object stays in `partialObject`. */
  stop(): void {
    const controller = this.#controller;
    if (controller === undefined) return;
    this.#controller = undefined;
    controller.abort();
    this.#set({ status: 'idle' });
  }

  async #run(
    input: string | ChatCompletionMessageParam[],
    request: StructuredRequestOptions,
    signal: AbortSignal,
  ): Promise<void> {
    const options = this.#options;
    const validator = validatorOf<T>(options.responseFormat);
    if (validator === undefined) {
      throw new InvalidOptionError(
        'responseFormat',
        'responseFormat must be made by zodResponseFormat or jsonSchemaResponseFormat.',
      );
    }
    const transport: ChatTransport = options.transport ?? createHttpChatTransport(options);
    const response = await transport.send({
      messages: typeof input === 'string' ? [{ role: 'user', content: input }] : input,
      body: { ...options.body, ...request.body, response_format: options.responseFormat },
      headers: { ...options.headers, ...request.headers },
      signal,
    });
    this.#set({ status: 'streaming', traceId: response.traceId });
    const answer: FirstChoice = { text: '', refusal: '' };
    let shown = '';
    for await (const chunk of response.chunks) {
      if (!addChunk(answer, chunk)) continue;
      const partial = parsePartialJson(answer.text);
      const serialized = JSON.stringify(partial);
      this.#state = { ...this.#state, text: answer.text };
      if (partial !== undefined && serialized !== shown) {
        shown = serialized;
        this.#state = {
          ...this.#state,
          partialObject: partial as StructuredState<T>['partialObject'],
        };
      }
      this.#throttle.schedule();
    }
    if (signal.aborted) return;
    if (answer.refusal !== '') {
      this.#set({ status: 'idle', refusal: answer.refusal });
      this.#options.onFinish?.({ object: undefined, refusal: answer.refusal });
      return;
    }
    const object = parseStructuredText(answer.text, validator);
    this.#set({
      status: 'idle',
      object,
      partialObject: object as StructuredState<T>['partialObject'],
    });
    this.#options.onFinish?.({ object, refusal: undefined });
  }

  #set(patch: Partial<StructuredState<T>>): void {
    this.#state = { ...this.#state, ...patch };
    this.#emit();
  }

  #emit(): void {
    this.#throttle.cancel();
    this.#listeners.notify();
  }
}
