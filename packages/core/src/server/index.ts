export { newSpanId } from '../client/tracing/span-id.js';
export { parseTraceparent, type TraceParent } from '../client/tracing/w3c-trace-context.js';
export { ChatRequestError, type ChatRequestErrorInit } from '../errors/chat-request-error.js';
export { TurnEndedError } from '../errors/turn-ended-error.js';
export { TurnNotFoundError } from '../errors/turn-not-found-error.js';
export { TurnStoreUnavailableError } from '../errors/turn-store-unavailable-error.js';
export { TurnTooLargeError } from '../errors/turn-too-large-error.js';
export {
  type ChatCompletionsFetchHandler,
  type ChatCompletionsFetchHandlerOptions,
  createChatCompletionsFetchHandler,
} from './create-chat-completions-fetch-handler.js';
export {
  type ChatCompletionsHandler,
  createChatCompletionsHandler,
} from './create-chat-completions-handler.js';
export {
  DEFAULT_BODY_LIMIT,
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_FIRST_BYTE_TIMEOUT_MS,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_KEEP_ALIVE_MS,
  DEFAULT_MAX_CHARACTERS,
  DEFAULT_MAX_CHOICES,
  DEFAULT_MAX_JSON_DEPTH,
  DEFAULT_MAX_MESSAGES,
  DEFAULT_MAX_TOKENS,
  DEFAULT_TOTAL_TIMEOUT_MS,
  OWNER_COOKIE_MAX_AGE_S,
  OWNER_COOKIE_NAME,
} from './defaults.js';
export type { HeaderTarget } from './edge/exchange.js';
export {
  type ErrorResponse,
  type ErrorResponseOptions,
  type OpenAIErrorBody,
  toErrorResponse,
} from './error-response.js';
export type {
  ChatCompletionsHandlerOptions,
  ChatFinishInfo,
  ChatRequestContext,
  ChatRequestDenial,
  ChatUpstreamOptions,
} from './handler-options.js';
export { DEFAULT_TRACE_ID_SOURCES, type TraceIdSource } from './incoming-trace-id.js';
export { DEFAULT_SPAN_NAME } from './pipeline/upstream-span.js';
export { applyChatPolicy } from './policy/apply-chat-policy.js';
export {
  type ChatPolicyOptions,
  DEFAULT_ALLOWED_PARAMETERS,
  type ModelAllowFunction,
  type ResolvedChatPolicy,
} from './policy/chat-policy-options.js';
export { resolveChatPolicy } from './policy/resolve-chat-policy.js';
export { type ReadJsonBodyOptions, readJsonBody } from './read-json-body.js';
export { type RequestScope, type RequestScopeOptions, requestScope } from './request-scope.js';
export {
  EXPOSED_RESPONSE_HEADERS,
  PASSED_UPSTREAM_HEADERS,
  setUpstreamErrorHeaders,
} from './response-headers.js';
export {
  type StatusErrorDetails,
  statusErrorResponse,
} from './status-error-response.js';
export type { ServerTelemetryOptions } from './telemetry/server-telemetry-options.js';
export * from './turns/index.js';
export type { UpstreamErrorsMode } from './upstream-error-response.js';
export { writeErrorResponse } from './write-json-response.js';
