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
  type DeepPartial,
  jsonSchemaResponseFormat,
  type ParseableResponseFormat,
  type StructuredFinishEvent,
  type StructuredRequestOptions,
  type StructuredState,
  type StructuredStatus,
  zodResponseFormat,
} from '@chatwire/core/structured';
export {
  type UseChatCompletionOptions,
  type UseChatCompletionResult,
  useChatCompletion,
} from './use-chat-completion.js';
export {
  type UseStructuredCompletionOptions,
  type UseStructuredCompletionResult,
  useStructuredCompletion,
} from './use-structured-completion.js';
