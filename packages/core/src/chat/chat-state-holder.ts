import type { ChatCompletionChunk } from '../types/index.js';
import type { ChatMessage } from './chat-message.js';
import type { ChatState } from './chat-state.js';
import { Listeners } from './listeners.js';
import type { LiveAnswer } from './live-answer.js';
import { createThrottle, type Throttle } from './throttle.js';

/**
 * Holds a chat's state and tells its listeners of changes: at once on {@link ChatStateHolder.emit}, at most once
 * per throttle interval while an answer streams in.
 */
export class ChatStateHolder {
  #state: ChatState;
  #live: LiveAnswer | undefined;
  readonly #listeners = new Listeners();
  readonly #throttle: Throttle;

  constructor(initial: ChatState, throttleMs: number | undefined) {
    this.#state = initial;
    this.#throttle = createThrottle(() => this.emit(), throttleMs);
  }

  /** The current snapshot; the same object until the next change. */
  get current(): ChatState {
    return this.#state;
  }

  /** The answer streaming into `messages`, until it is finished. */
  get live(): LiveAnswer | undefined {
    return this.#live;
  }

  /** Calls `listener` on every emit. Returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void {
    return this.#listeners.subscribe(listener);
  }

  /** Changes the state; listeners hear of it with the next emit. */
  set(patch: Partial<ChatState>): void {
    this.#state = { ...this.#state, ...patch };
  }

  /** Puts `message` in place of the last message with its id; nothing when there is none. */
  replaceMessage(message: ChatMessage): void {
    const messages = this.#state.messages;
    for (let i = messages.length - 1; i >= 0; i--) {
      if (messages[i]?.id !== message.id) continue;
      const next = messages.slice();
      next[i] = message;
      this.set({ messages: next });
      return;
    }
  }

  /** Brings the streamed message up to date and tells every listener. */
  emit(): void {
    this.#throttle.cancel();
    const live = this.#live;
    if (live?.dirty) {
      live.dirty = false;
      this.replaceMessage(live.message(false));
    }
    this.#listeners.notify();
  }

  /** Starts streaming `live` into the state, with the trace and cache status of its response. */
  startAnswer(live: LiveAnswer): void {
    this.#live = live;
    this.set({ traceId: live.traceId, cacheStatus: live.cacheStatus });
  }

  /**
   * Adds a chunk of the live answer. Its message joins `messages` with the first chunk (the
   * status is `streaming` then); listeners hear of chunks through the throttle.
   */
  addChunk(live: LiveAnswer, chunk: ChatCompletionChunk): void {
    live.add(chunk);
    if (!live.shown) {
      live.shown = true;
      this.set({ status: 'streaming', messages: [...this.#state.messages, live.message(false)] });
    } else if (this.#state.status !== 'streaming') {
      // Events flow again after `reconnecting` or `stalled`.
      this.set({ status: 'streaming' });
    }
    this.#throttle.schedule();
  }

  /**
   * Puts the final form of an answer into the state and stops tracking it; an answer that ended
   * normally (not `partial`) also gives the state its usage and finish reason.
   */
  finishAnswer(live: LiveAnswer, partial: boolean, error: string | undefined): ChatMessage {
    if (this.#live === live) this.#live = undefined;
    const message = live.finalMessage(partial, error);
    if (live.shown) this.replaceMessage(message);
    else this.set({ messages: [...this.#state.messages, message] });
    if (!partial) this.set({ usage: message.usage, finishReason: message.finishReason });
    return message;
  }
}
