import { onSignalAbort } from '../pipeline/upstream-deadline.js';
import type { ChatExchange } from './exchange.js';
import { WebRequestView } from './web-request-view.js';
import { WebResponseSink } from './web-response-sink.js';

/** An exchange over a `Request`, and the `Response` it is answered with. */
export interface WebExchange extends ChatExchange<Request, Headers> {
  /** Resolves when the pipeline begins the answer. */
  readonly answer: Promise<Response>;
  /** Answers an exchange the pipeline ended without answering. */
  abandon(): void;
}

/**
 * One exchange over a web-standard `Request`. Its signal aborts when the request's own signal
 * does (the runtime saw the client leave) or when the answer's body is cancelled.
 */
export function webExchange(request: Request): WebExchange {
  // One controller and a listener: `AbortSignal.any` costs more than the rest of the exchange.
  const left = new AbortController();
  const leave = (): void => left.abort();
  if (request.signal.aborted) leave();
  else request.signal.addEventListener('abort', leave, { once: true });
  const sink = new WebResponseSink(leave);
  return {
    request: new WebRequestView(request),
    response: sink,
    signal: left.signal,
    onLeave: onSignalAbort(left.signal),
    answer: sink.response,
    abandon: () => sink.abandon(),
  };
}
