import type { NodeClientOptions } from '@chatwire/core';
import type { ConfigurableModuleAsyncOptions } from '@nestjs/common';
import type { ChatwireEndpointOptions } from './chatwire-endpoint-options.js';

/**
 * Options of `ChatwireModule.forRoot()`, or what the `useFactory` of
 * `ChatwireModule.forRootAsync()` returns.
 *
 * Every option of `createClient` from `@chatwire/core` is accepted (`apiKey`, `baseURL`,
 * `provider`, `config`, `virtualKey`, `metadata`, `timeout`, `maxRetries`, `dispatcher`, …) and
 * configures the one client the module creates and shares.
 *
 * What must resolve at startup: a gateway to call, and for Portkey's hosted gateway an API key.
 * `baseURL` falls back to `PORTKEY_BASE_URL`, then to `https://api.portkey.ai/v1`; `apiKey`
 * falls back to `PORTKEY_API_KEY`. When the hosted gateway is used and no key resolves, the
 * application refuses to start with a message naming both.
 */
export interface ChatwireModuleOptions extends NodeClientOptions {
  /**
   * The chat endpoint's policy and hooks (see {@link ChatwireModuleExtras.endpoint}). Returned
   * from `forRootAsync`'s `useFactory`, they are merged over the ones given to `forRootAsync`
   * itself; `path` cannot be set there, because Nest registers routes before factories run.
   */
  endpoint?: ChatwireEndpointOptions;
}

/**
 * Options that shape the module itself, so they are read when the module is defined, before
 * any factory runs: given to `forRoot()` beside the client options, or to `forRootAsync()`
 * beside `imports`, `useFactory` and `inject`.
 */
export interface ChatwireModuleExtras {
  /**
   * Registers the module globally: `ChatCompletionsService` and the client can be injected in
   * every module without importing `ChatwireModule` there. Default false.
   */
  isGlobal?: boolean;
  /**
   * The chat endpoint `@chatwire/react` talks to, with the same HTTP contract, validation and
   * policy as `@chatwire/express`: mounted at `endpoint.path` when given.
   */
  endpoint?: ChatwireEndpointOptions;
}

/** What `ChatwireModule.forRoot()` takes: the client options and the module's extras. */
export type ChatwireModuleRootOptions = ChatwireModuleOptions & ChatwireModuleExtras;

/**
 * What `ChatwireModule.forRootAsync()` takes: how to compute the {@link ChatwireModuleOptions}
 * (`useFactory` with `inject`, `useClass` or `useExisting`), the `imports` that provide what it
 * needs, and the module's extras.
 */
export type ChatwireModuleAsyncOptions = ConfigurableModuleAsyncOptions<ChatwireModuleOptions> &
  ChatwireModuleExtras;
