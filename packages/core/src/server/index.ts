export { ChatRequestError, type ChatRequestErrorInit } from '../errors/chat-request-error.js';
export {
  applyChatPolicy,
  type ChatPolicyOptions,
  DEFAULT_ALLOWED_PARAMETERS,
  type ModelAllowFunction,
  type ResolvedChatPolicy,
  resolveChatPolicy,
} from './chat-policy.js';
export {
  type ChatCompletionsHandler,
  createChatCompletionsHandler,
  EXPOSED_RESPONSE_HEADERS,
} from './create-chat-completions-handler.js';
export {
  type ErrorResponse,
  type OpenAIErrorBody,
  toErrorResponse,
  typeForStatus,
} from './error-response.js';
export type {
  ChatCompletionsHandlerOptions,
  ChatFinishInfo,
  ChatRequestContext,
  ChatRequestDenial,
  ChatUpstreamOptions,
} from './handler-options.js';
export {
  DEFAULT_TRACE_ID_SOURCES,
  isSafeTraceId,
  readIncomingTraceId,
  type TraceIdSource,
  traceIdFromTraceparent,
} from './incoming-trace-id.js';
export { isJsonContentType, type ReadJsonBodyOptions, readJsonBody } from './read-json-body.js';
export {
  invalidJsonError,
  requestTooLargeError,
  unsupportedMediaTypeError,
} from './request-errors.js';
export {
  chatMessageSchema,
  chatMessagesSchema,
  chatParameterSchemas,
  createChatRequestSchema,
  isKnownChatParameter,
  type KnownChatParameter,
  modelSchema,
} from './request-schema.js';
export {
  SSE_HEADERS,
  SSEResponseWriter,
  type SSEResponseWriterOptions,
} from './sse-response-writer.js';
export {
  formatParamPath,
  issueToRequestError,
  validateChatRequest,
} from './validate-chat-request.js';
