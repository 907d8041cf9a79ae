import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientLeftSignal } from '../request-scope.js';
import type { ChatExchange } from './exchange.js';
import { NodeRequestView } from './node-request-view.js';
import { NodeResponseSink } from './node-response-sink.js';

/**
 * One exchange over node:http's request and response, served natively (no `Request` or
 * `Response` is made). `parsedBody` is the body a framework parsed already, if it did.
 */
export function nodeExchange(
  request: IncomingMessage,
  response: ServerResponse,
  parsedBody: unknown,
): ChatExchange<IncomingMessage, ServerResponse> {
  return {
    request: new NodeRequestView(request, parsedBody),
    response: new NodeResponseSink(response),
    signal: clientLeftSignal(response),
  };
}
