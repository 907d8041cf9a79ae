export {
  APIConnectionError,
  type APIConnectionErrorOptions,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  BudgetExceededError,
  ConflictError,
  GuardrailDeniedError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './api-errors.js';
export { ChatRequestError, type ChatRequestErrorInit } from './chat-request-error.js';
export { ChatwireError, InvalidOptionError } from './chatwire-error.js';
export { SSEEventTooLargeError } from './sse-event-too-large-error.js';
export { StreamTruncatedError } from './stream-truncated-error.js';
export {
  StructuredOutputError,
  type StructuredOutputIssue,
} from './structured-output-error.js';
export { ToolArgumentsError } from './tool-arguments-error.js';
export { ToolRoundLimitError } from './tool-round-limit-error.js';
export { TurnEndedError } from './turn-ended-error.js';
export { TurnNotFoundError } from './turn-not-found-error.js';
export { TurnStoreUnavailableError } from './turn-store-unavailable-error.js';
export { TurnTooLargeError } from './turn-too-large-error.js';
