import { APIError } from '../../errors/api-errors.js';

/**
 * `error.type` of a failure, of low cardinality as the semantic conventions ask: the HTTP
 * status of an answer that was an error (`429`), else the error's class (`APIConnectionError`,
 * `APIConnectionTimeoutError`, `StreamTruncatedError`, …), else `_OTHER`.
 */
export function errorType(error: unknown): string {
  if (APIError.isInstance(error) && error.status !== undefined) return String(error.status);
  if (error instanceof Error) return error.name;
  return '_OTHER';
}
