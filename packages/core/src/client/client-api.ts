// The client API both entry points share; each adds the `createClient` of its runtime.
export type { ChatCompletions, ChatwireClient } from './chatwire-client.js';
export {
  type ClientOptions,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
} from './client-options.js';
export type { RequestOptions } from './request-options.js';
export {
  type ChatCompletionWithMeta,
  type PortkeyCacheStatus,
  type PortkeyResponseMeta,
  readResponseMeta,
} from './response-meta.js';
export type { FetchLike } from './transport-fetch.js';
