export { createSSEDecoder, type SSEDecoder, type SSEDecoderOptions } from './create-sse-decoder.js';
export { type DecodeSSEOptions, decodeSSE } from './decode-sse.js';
export { encodeSSEEvent } from './encode-sse-event.js';
export type { ServerSentEvent } from './server-sent-event.js';
