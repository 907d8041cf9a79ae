import type { ChatStateHolder } from './chat-state-holder.js';
import type { ChatStoreOptions } from './chat-store-options.js';

/**
 * One exchange with the model (a `send`, `regenerate`, `retry`, or the `addToolResult` that
 * completes a set of results), as its steps see it: answers streamed in, tool rounds run.
 */
export interface ChatRun {
  /** Aborted when the run is stopped; its signal goes to the transport and to `onToolCall`. */
  readonly controller: AbortController;
  /** The state the run writes to. */
  readonly state: ChatStateHolder;
  /** The id of the answer whose tool calls `onToolCall` is running, until they settle. */
  runningToolsOf: string | undefined;
  /** The resumable turn whose answer is streaming (`x-chatwire-turn-id`), until it ends. */
  turnId: string | undefined;
  /** The store's options as they are now: they may be replaced while the run goes on. */
  options(): ChatStoreOptions;
  /** Makes the id of a new message. */
  newId(): string;
  /** Whether the run is still the store's: not stopped, failed or replaced by a newer run. */
  isCurrent(): boolean;
}
