/**
 * The results of the guardrails and hooks configured in a Portkey config, as Portkey sends them
 * in a stream: `before_request_hooks` (input guardrails) in a chunk ahead of the answer, and
 * `after_request_hooks` (output guardrails) in a chunk after `data: [DONE]`.
 *
 * Each entry is one hook's verdict as Portkey reports it (its id, `verdict`, the checks it ran
 * and their data); the shape depends on the guardrail, so it is left open.
 */
export interface PortkeyHookResults {
  /** The verdicts of the input guardrails, run before the request went to the provider. */
  before_request_hooks?: unknown[];
  /** The verdicts of the output guardrails, run on the complete answer. */
  after_request_hooks?: unknown[];
  /** Anything else Portkey adds to `hook_results`. */
  [key: string]: unknown;
}
