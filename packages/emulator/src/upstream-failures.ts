import { type OpenAIErrorBody, openAIError } from './error-bodies.js';
import type { Scenario } from './scenarios.js';

/** An error answer of the emulated provider. */
export interface UpstreamFailure {
  /** The HTTP status. */
  status: number;
  /** The OpenAI-shaped error body. */
  body: OpenAIErrorBody;
  /** Extra headers, such as `retry-after`. */
  headers: Record<string, string>;
}

const MESSAGES: Record<number, [message: string, type: string, code: string | null]> = {
  400: ['Invalid request.', 'invalid_request_error', null],
  401: ['Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'],
  403: ['You are not allowed to sample from this model.', 'invalid_request_error', null],
  404: [
    'The model does not exist or you do not have access to it.',
    'invalid_request_error',
    'model_not_found',
  ],
  429: [
    'Rate limit reached for requests. Please try again later.',
    'requests',
    'rate_limit_exceeded',
  ],
  500: [
    'The server had an error while processing your request. Sorry about that!',
    'server_error',
    null,
  ],
  502: ['Bad gateway.', 'server_error', null],
  503: ['The engine is currently overloaded, please try again later.', 'server_error', null],
};

/** The provider's error answer for a status. */
export function failureFor(status: number, headers: Record<string, string> = {}): UpstreamFailure {
  const [message, type, code] = MESSAGES[status] ?? [
    `The emulator answered with status ${status}.`,
    status >= 500 ? 'server_error' : 'invalid_request_error',
    null,
  ];
  return { status, body: openAIError(message, type, null, code), headers };
}

/**
 * Counts the failures of `unavailable-then-success` per key, so that the first `failCount`
 * requests sharing a key fail and the later ones succeed.
 */
export class FailureCounter {
  readonly #seen = new Map<string, number>();

  /** Records one more request under `key` and tells whether it is still one that fails. */
  nextFails(key: string, failCount: number): boolean {
    const seen = this.#seen.get(key) ?? 0;
    this.#seen.set(key, seen + 1);
    return seen < failCount;
  }
}

/**
 * The provider-side failure a scenario calls for on this attempt, or `undefined` when the
 * provider answers normally. `key` identifies the request for `unavailable-then-success`.
 */
export function upstreamFailure(
  scenario: Scenario,
  counter: FailureCounter,
  key: string,
): UpstreamFailure | undefined {
  switch (scenario.name) {
    case 'rate-limit':
      return failureFor(429, {
        'retry-after': String(Math.ceil(scenario.retryAfterMs / 1000)),
        'retry-after-ms': String(scenario.retryAfterMs),
      });
    case 'server-error':
      return failureFor(500);
    case 'status':
      return failureFor(scenario.status);
    case 'unavailable-then-success':
      return counter.nextFails(scenario.key ?? key, scenario.failCount)
        ? failureFor(scenario.status)
        : undefined;
    default:
      return undefined;
  }
}
