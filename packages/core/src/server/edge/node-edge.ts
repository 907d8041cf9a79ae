import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChatExchange } from './exchange.js';
import { NodeClientLeave } from './node-client-leave.js';
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
  const leave = new NodeClientLeave(response);
  return {
    request: new NodeRequestView(request, parsedBody),
    response: new NodeResponseSink(response),
    get signal() {
      return leave.signal;
    },
    onLeave: leave.onLeave,
  };
}
