/**
 * The headers of every streamed answer: proxies and compression middleware must not buffer it.
 * `Connection` is left to the server, which manages its connections (HTTP/2 forbids the header).
 */
export const SSE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
});

/** The comment sent in a long silence, so that proxies and browsers keep an idle stream. */
export const KEEP_ALIVE_COMMENT = ': keep-alive\n\n';

/**
 * The most bytes of events gathered into one write to a client; past it the writer sends (node)
 * or waits for the reader (web streams), so that a slow client never grows the server's memory.
 */
export const SSE_BATCH_BYTES = 64 * 1024;
