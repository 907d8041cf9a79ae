/** A guardrail result in the shape Portkey reports under `hook_results`. */
export interface HookResult {
  verdict: boolean;
  id: string;
  transformed: boolean;
  checks: Array<{
    data: { explanation: string };
    verdict: boolean;
    id: string;
    execution_time: number;
    error: null;
    created_at: string;
  }>;
  feedback: null;
  execution_time: number;
  async: boolean;
  type: 'guardrail';
  created_at: string;
  deny: boolean;
}

/** The message of Portkey's 446 answer. */
export const GUARDRAIL_DENIED_MESSAGE =
  'The guardrail checks defined in the config failed. You can find more information in the `hook_results` object.';

/** A guardrail result that passed (`verdict` true) or failed, with or without denying. */
export function hookResult(verdict: boolean, deny: boolean): HookResult {
  const createdAt = new Date().toISOString();
  return {
    verdict,
    id: 'emulator-guardrail',
    transformed: false,
    checks: [
      {
        data: {
          explanation: verdict
            ? 'The emulator check passed.'
            : 'The emulator check failed on purpose.',
        },
        verdict,
        id: 'default.contains',
        execution_time: 1,
        error: null,
        created_at: createdAt,
      },
    ],
    feedback: null,
    execution_time: 1,
    async: false,
    type: 'guardrail',
    created_at: createdAt,
    deny,
  };
}

/** The body of Portkey's 446 answer when a guardrail before the request denied it. */
export function guardrailDenial(): {
  error: { message: string; type: 'hooks_failed'; param: null; code: null };
  hook_results: { before_request_hooks: HookResult[]; after_request_hooks: HookResult[] };
} {
  return {
    error: { message: GUARDRAIL_DENIED_MESSAGE, type: 'hooks_failed', param: null, code: null },
    hook_results: { before_request_hooks: [hookResult(false, true)], after_request_hooks: [] },
  };
}
