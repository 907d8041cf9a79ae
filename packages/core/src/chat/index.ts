export type {
  ChatImage,
  ChatMessage,
  ChatMessageRole,
  ChatToolCall,
  ChatToolCallStatus,
} from './chat-message.js';
export { isToolCallSettled } from './chat-message.js';
export { type ChatStoreRef, getChatStore, resolveChatStore } from './chat-registry.js';
export type { ChatState, ChatStatus } from './chat-state.js';
export { isChatBusy } from './chat-state.js';
export { ChatStore } from './chat-store.js';
export type { ChatStoreLifecycle } from './chat-store-lifecycle.js';
export type {
  ChatFinishEvent,
  ChatInput,
  ChatRequestOptions,
  ChatStoreOptions,
  ChatSubmitOptions,
  ChatToolCallEvent,
} from './chat-store-options.js';
export type {
  ChatTransport,
  ChatTransportRequest,
  ChatTransportResponse,
  ChatTurn,
} from './chat-transport.js';
export { type ChatCompletionsClient, createClientChatTransport } from './client-chat-transport.js';
export {
  DEFAULT_MAX_TOOL_ROUNDS,
  DEFAULT_STALL_MS,
  FRAMELESS_THROTTLE_MS,
  RECONNECT_ATTEMPTS,
  RECONNECT_INITIAL_DELAY_MS,
  RECONNECT_MAX_DELAY_MS,
} from './defaults.js';
export { createHttpChatTransport, type HttpChatTransportOptions } from './http-chat-transport.js';
export { toOpenAIMessages } from './to-openai-messages.js';
