export type {
  ChatFinishEvent,
  ChatImage,
  ChatInput,
  ChatMessage,
  ChatMessageRole,
  ChatRequestOptions,
  ChatState,
  ChatStatus,
  ChatSubmitOptions,
  ChatToolCall,
  ChatToolCallEvent,
  ChatToolCallStatus,
  ChatTransport,
} from '@chatwire/core/chat';
export {
  type UseChatCompletionOptions,
  type UseChatCompletionResult,
  useChatCompletion,
} from './use-chat-completion.js';
