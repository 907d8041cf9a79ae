import { buildClient } from './build-client.js';
import type { ChatwireClient } from './chatwire-client.js';
import type { ClientOptions } from './client-options.js';
import { createFetchTransport } from './transport-fetch.js';

/**
 * Creates a Portkey client for browsers and edge runtimes, sending with `fetch`. In a browser
 * an API key is refused unless `dangerouslyAllowBrowser` is set.
 */
export function createClient(options: ClientOptions = {}): ChatwireClient {
  return buildClient(options, (url, fetch) => createFetchTransport(url, fetch));
}
