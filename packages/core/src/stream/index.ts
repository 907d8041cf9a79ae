export { ChatCompletionAccumulator } from './chat-completion-accumulator.js';
export {
  ChatCompletionStream,
  type ChatCompletionStreamInit,
  type EventBytesOptions,
} from './chat-completion-stream.js';
export type { PortkeyHookResults } from './portkey-hook-results.js';
export type { StreamObserver } from './stream-observer.js';
