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
export { ChatwireError, InvalidOptionError } from './chatwire-error.js';
export { StreamTruncatedError } from './stream-truncated-error.js';
