/**
 * How a config routes a request among its `targets`.
 *
 * - `single`: always the first target.
 * - `loadbalance`: a target picked at random by `weight`.
 * - `fallback`: the targets in order, moving on when one fails with a status in `on_status_codes`.
 * - `conditional`: the first target named by a matching `conditions` entry, else `default`.
 */
export type PortkeyStrategyMode = 'single' | 'loadbalance' | 'fallback' | 'conditional';

/** One rule of a `conditional` strategy: when `query` matches the request, use target `then`. */
export interface PortkeyCondition {
  /** A query over `metadata` and `params`, e.g. `{ "metadata.tier": { "$eq": "pro" } }`. */
  query: Record<string, unknown>;
  /** The `name` of the target to use when the query matches. */
  then: string;
}

/** The routing strategy of a config. */
export interface PortkeyStrategy {
  /** How the targets are chosen. */
  mode: PortkeyStrategyMode;
  /** For `fallback`: the statuses that move on to the next target (default: any failure). */
  on_status_codes?: number[];
  /** For `conditional`: the rules, checked in order. */
  conditions?: PortkeyCondition[];
  /** For `conditional`: the `name` of the target used when no condition matches. */
  default?: string;
  /** Fields newer gateways accept. */
  [field: string]: unknown;
}

/** Automatic retries made by the gateway. */
export interface PortkeyRetry {
  /** How many retries to make (Portkey allows at most 5). */
  attempts: number;
  /** The statuses that are retried (default: 429, 500, 502, 503, 504). */
  on_status_codes?: number[];
  /** Wait for the provider's `retry-after` header instead of backing off on its own. */
  use_retry_after_header?: boolean;
  /** Fields newer gateways accept. */
  [field: string]: unknown;
}

/** Response caching done by the gateway. */
export interface PortkeyCache {
  /** `simple` matches identical requests; `semantic` also matches similar ones (hosted Portkey). */
  mode: 'simple' | 'semantic';
  /** How long, in seconds, a cached answer is served. */
  max_age?: number;
  /** Fields newer gateways accept. */
  [field: string]: unknown;
}

/**
 * A guardrail attached to a config: the id of a guardrail saved in Portkey, or an inline
 * definition whose shape is owned by the gateway.
 */
export type PortkeyGuardrail = string | Record<string, unknown>;

/**
 * A Portkey config object (the routing, retry, cache and guardrail settings of a request), sent
 * as JSON in `x-portkey-config`. A target has the same shape, so `targets` nest.
 *
 * The fields below are the ones the gateway validates; any other field (a provider credential
 * such as `azure_resource_name`, a field of a newer gateway) passes through untouched.
 *
 * @example
 * ```ts
 * const config: PortkeyConfig = {
 *   strategy: { mode: 'fallback' },
 *   targets: [{ provider: '@openai-prod' }, { provider: '@anthropic-prod', override_params: { model: 'claude-sonnet-4-5' } }],
 *   retry: { attempts: 3 },
 * };
 * ```
 */
export interface PortkeyConfigObject {
  /** How requests are spread over `targets`. */
  strategy?: PortkeyStrategy;
  /** The candidates the strategy picks from; each may have targets of its own. */
  targets?: PortkeyConfigObject[];
  /** The provider of this target, e.g. `openai` or `@slug` of a hosted integration. */
  provider?: string;
  /** The provider credential of this target. */
  api_key?: string;
  /** A Portkey virtual key holding the provider credential (legacy). */
  virtual_key?: string;
  /** A name that `conditional` strategies refer to. */
  name?: string;
  /** This target's share of traffic in a `loadbalance` strategy. */
  weight?: number;
  /** For a `fallback` target: the statuses that move on to the next target. */
  on_status_codes?: number[];
  /** Request body fields that replace the caller's, e.g. `{ model: 'gpt-4o-mini' }`. */
  override_params?: Record<string, unknown>;
  /** Automatic retries. */
  retry?: PortkeyRetry;
  /** Response caching. */
  cache?: PortkeyCache;
  /** Milliseconds before the gateway abandons the provider request with status 408. */
  request_timeout?: number;
  /** The provider's base URL including the version path, e.g. `http://127.0.0.1:9000/v1`. */
  custom_host?: string;
  /** Names of request headers the gateway passes to the provider unchanged. */
  forward_headers?: string[];
  /** Guardrails run on the request before it reaches the provider. */
  input_guardrails?: PortkeyGuardrail[];
  /** Guardrails run on the provider's answer. */
  output_guardrails?: PortkeyGuardrail[];
  /** Hooks run before the request (the older form of `input_guardrails`). */
  before_request_hooks?: Record<string, unknown>[];
  /** Hooks run after the request (the older form of `output_guardrails`). */
  after_request_hooks?: Record<string, unknown>[];
  /** When false, the gateway may add provider-specific fields to OpenAI-shaped answers. */
  strict_open_ai_compliance?: boolean;
  /** Any field not listed above, passed through to the gateway as is. */
  [field: string]: unknown;
}

/**
 * What the `config` option accepts: the id of a config saved in Portkey (e.g. `pc-fallback-1a2b`),
 * sent as is, or a config object, sent as JSON.
 */
export type PortkeyConfig = string | PortkeyConfigObject;
