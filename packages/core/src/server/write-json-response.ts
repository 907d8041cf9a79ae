import type { ServerResponse } from 'node:http';
import type { ErrorResponse } from './error-response.js';

/** Ends a response with a JSON body whose length is known up front. */
export function writeJson(response: ServerResponse, status: number, json: string): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json');
  response.setHeader('content-length', Buffer.byteLength(json));
  response.end(json);
}

/**
 * Writes an error answer (from `toErrorResponse`) to a node:http response as JSON: its status
 * and its OpenAI-shaped body. When the answer has begun already (headers sent), the response is
 * only ended: a status can no longer be sent, and a stream's error event is the writer's job.
 *
 * @example
 * ```ts
 * try {
 *   // …
 * } catch (error) {
 *   writeErrorResponse(res, toErrorResponse(error));
 * }
 * ```
 */
export function writeErrorResponse(response: ServerResponse, answer: ErrorResponse): void {
  if (response.headersSent) {
    if (!response.writableEnded) response.end();
    return;
  }
  writeJson(response, answer.status, JSON.stringify(answer.body));
}
