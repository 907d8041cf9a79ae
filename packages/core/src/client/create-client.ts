import type { Dispatcher } from 'undici';
import { buildClient } from './build-client.js';
import type { ChatwireClient } from './chatwire-client.js';
import type { ClientOptions } from './client-options.js';
import { isBun } from './environment.js';
import { createClientTelemetry } from './telemetry/client-telemetry.js';
import { globalProviders } from './telemetry/global-providers.js';
import type { ClientTelemetryOptions } from './telemetry/telemetry-options.js';
import { activeOpenTelemetryContext } from './tracing/otel-trace-context.js';
import { createFetchTransport } from './transport-fetch.js';
import { createNodeTransport } from './transport-node.js';

/** Options of `createClient` on Node: the common ones plus an undici dispatcher. */
export interface NodeClientOptions extends ClientOptions {
  /**
   * The undici dispatcher to send with (a `ProxyAgent`, a `MockAgent`, an `Agent` with
   * custom TLS). By default the client owns a keep-alive `Agent`, closed by `client.close()`.
   * Ignored when `fetch` is given. On Bun, whose `undici` has no working dispatcher, the client
   * sends with Bun's own `fetch` unless a dispatcher is given.
   */
  dispatcher?: Dispatcher;
  /**
   * OpenTelemetry spans and metrics of each call, following the GenAI semantic conventions
   * (see {@link ClientTelemetryOptions}); `false` turns them off. By default they go to the
   * global providers of `@opentelemetry/api`, when it is installed and an SDK is registered.
   */
  telemetry?: ClientTelemetryOptions | false;
}

/**
 * Creates a Portkey client. When `@opentelemetry/api` is installed and a span is active, a call
 * that names no trace id of its own is placed inside that span: `x-portkey-trace-id` is the
 * span's trace-id, `x-portkey-parent-span-id` its span id, and the call gets a fresh
 * `x-portkey-span-id`, also sent as the call's `traceparent`. When an SDK records the call's own
 * `chat {model}` span (see `telemetry`), that span's id is the call's span id.
 *
 * @example
 * ```ts
 * const client = createClient({ provider: '@openai-prod' }); // PORTKEY_API_KEY from the environment
 * const completion = await client.chat.completions.create({
 *   model: 'gpt-4o-mini',
 *   messages: [{ role: 'user', content: 'Hello' }],
 * });
 * console.log(completion.choices[0]?.message.content, completion.meta.traceId);
 * ```
 */
export function createClient(options: NodeClientOptions = {}): ChatwireClient {
  const { dispatcher, telemetry, ...rest } = options;
  return buildClient(
    rest,
    (url, fetch) =>
      fetch !== undefined || (dispatcher === undefined && isBun())
        ? createFetchTransport(url, fetch)
        : createNodeTransport(url, dispatcher),
    activeOpenTelemetryContext,
    (baseURL) => createClientTelemetry(telemetry, baseURL, globalProviders),
  );
}
