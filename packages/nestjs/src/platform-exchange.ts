import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A request as a Nest HTTP platform hands it to a route: node's own with the parsed body
 * (`@nestjs/platform-express`), or Fastify's request around node's (`@nestjs/platform-fastify`).
 */
export type PlatformRequest =
  | (IncomingMessage & { body?: unknown })
  | { readonly raw: IncomingMessage; readonly body?: unknown };

/**
 * A response as a Nest HTTP platform hands it to a route or a filter: node's own
 * (`@nestjs/platform-express`), or Fastify's reply around node's (`@nestjs/platform-fastify`).
 */
export type PlatformResponse = ServerResponse | { readonly raw: ServerResponse; hijack(): unknown };

/** node:http's request under the platform's. */
export function nodeRequestOf(request: PlatformRequest): IncomingMessage {
  return 'raw' in request ? request.raw : request;
}

/**
 * node:http's response under the platform's, for code that writes the answer itself. A
 * Fastify reply is hijacked first: Fastify then leaves the response alone instead of answering
 * it a second time once the route or error handler returns.
 */
export function takeNodeResponse(response: PlatformResponse): ServerResponse {
  if (!('raw' in response)) return response;
  response.hijack();
  return response.raw;
}

/**
 * The byte limit Fastify read the request's body within (the route's `bodyLimit`, else the
 * server's); none on other platforms.
 */
export function platformBodyLimit(request: PlatformRequest): number | undefined {
  const options = (request as { routeOptions?: { bodyLimit?: unknown } }).routeOptions;
  return typeof options?.bodyLimit === 'number' ? options.bodyLimit : undefined;
}
