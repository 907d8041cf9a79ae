export { createSSEDecoder, type SSEDecoder, type SSEDecoderOptions } from './create-sse-decoder.js';
export { type DecodeSSEOptions, decodeSSE } from './decode-sse.js';
export { encodeSSEEvent } from './encode-sse-event.js';
export { DEFAULT_MAX_EVENT_BYTES } from './event-line-parser.js';
export type { ServerSentEvent } from './server-sent-event.js';
