import type { ChatCompletion } from '../types/index.js';

/** Values of Portkey's `x-portkey-cache-status` response header. */
export type PortkeyCacheStatus =
  | 'HIT'
  | 'SEMANTIC HIT'
  | 'MISS'
  | 'SEMANTIC MISS'
  | 'DISABLED'
  | 'REFRESH';

/** What Portkey said about a call, beside the answer itself. */
export interface PortkeyResponseMeta {
  /** The HTTP status: 200, or 246 when a guardrail warned but let the answer through. */
  readonly status: number;
  /** All response headers. */
  readonly headers: Headers;
  /** `x-request-id` (or `request-id`): the id to quote when reporting a problem. */
  readonly requestId: string | null;
  /**
   * The trace the call was logged under in Portkey: the `x-portkey-trace-id` response header,
   * else the trace id the client sent; `null` only when neither is known.
   */
  readonly traceId: string | null;
  /** `x-portkey-cache-status`: whether Portkey's cache answered. */
  readonly cacheStatus: PortkeyCacheStatus | null;
  /** `x-portkey-retry-attempt-count`: how many times the gateway retried the provider. */
  readonly retryAttemptCount: number | null;
  /**
   * `x-portkey-last-used-option-index` as sent: the path of the config target that answered,
   * such as `config` or `config.targets[1]`.
   */
  readonly lastUsedOption: string | null;
  /**
   * The index of the target that answered, read from `lastUsedOption` (`config.targets[1]` gives
   * 1, a bare number is taken as is); `null` when the answer did not come from a target list.
   */
  readonly lastUsedOptionIndex: number | null;
}

/**
 * A non-streamed answer: the `ChatCompletion` exactly as sent (so `JSON.stringify` gives the
 * wire body back) with a non-enumerable `meta` property.
 */
export type ChatCompletionWithMeta = ChatCompletion & { readonly meta: PortkeyResponseMeta };

const cacheStatuses: ReadonlySet<string> = new Set<PortkeyCacheStatus>([
  'HIT',
  'SEMANTIC HIT',
  'MISS',
  'SEMANTIC MISS',
  'DISABLED',
  'REFRESH',
]);

function toCacheStatus(value: string | null): PortkeyCacheStatus | null {
  if (value === null) return null;
  const upper = value.toUpperCase();
  return cacheStatuses.has(upper) ? (upper as PortkeyCacheStatus) : null;
}

function toOptionIndex(value: string | null): number | null {
  if (value === null) return null;
  const lastIndex = /\[(\d+)\]$/.exec(value);
  return lastIndex ? Number(lastIndex[1]) : toInteger(value);
}

function toInteger(value: string | null): number | null {
  if (value === null || value === '') return null;
  const number = Number(value);
  return Number.isInteger(number) ? number : null;
}

/** Reads one response header; `null` when absent. */
export type HeaderLookup = (name: string) => string | null;

/**
 * Builds the metadata object. `makeHeaders` runs at most once, on first access of `headers`,
 * so the hot path never pays for a `Headers` object nobody reads. `sentTraceId` stands in for
 * a trace id the server did not echo.
 */
export function buildResponseMeta(
  status: number,
  lookup: HeaderLookup,
  makeHeaders: () => Headers,
  sentTraceId?: string,
): PortkeyResponseMeta {
  let headers: Headers | undefined;
  return {
    status,
    get headers(): Headers {
      headers ??= makeHeaders();
      return headers;
    },
    requestId: lookup('x-request-id') ?? lookup('request-id'),
    traceId: lookup('x-portkey-trace-id') ?? sentTraceId ?? null,
    cacheStatus: toCacheStatus(lookup('x-portkey-cache-status')),
    retryAttemptCount: toInteger(lookup('x-portkey-retry-attempt-count')),
    lastUsedOption: lookup('x-portkey-last-used-option-index'),
    lastUsedOptionIndex: toOptionIndex(lookup('x-portkey-last-used-option-index')),
  };
}

/**
 * Reads Portkey's response metadata from a status and its headers; `traceId` comes from the
 * headers only.
 */
export function readResponseMeta(status: number, headers: Headers): PortkeyResponseMeta {
  return buildResponseMeta(
    status,
    (name) => headers.get(name),
    () => headers,
  );
}

/** Attaches `meta` to a parsed answer without changing what `JSON.stringify` gives. */
export function attachMeta(
  completion: ChatCompletion,
  meta: PortkeyResponseMeta,
): ChatCompletionWithMeta {
  Object.defineProperty(completion, 'meta', { value: meta, enumerable: false });
  return completion as ChatCompletionWithMeta;
}
