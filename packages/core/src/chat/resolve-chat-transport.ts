import type { ChatStoreOptions } from './chat-store-options.js';
import type { ChatTransport } from './chat-transport.js';
import { createClientChatTransport } from './client-chat-transport.js';
import { createHttpChatTransport } from './http-chat-transport.js';

/**
 * The transport a store's options ask for: their own `transport`, else one over `client`, else
 * HTTP to `api` (with their `fetch` and `credentials`).
 */
export function resolveChatTransport(options: ChatStoreOptions): ChatTransport {
  if (options.transport) return options.transport;
  if (options.client) return createClientChatTransport(options.client);
  return createHttpChatTransport(options);
}
