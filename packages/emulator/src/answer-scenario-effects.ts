import type { ChatRequest } from './chat-request.js';
import type { OpenAIErrorBody } from './error-bodies.js';
import { type HookResult, hookResult } from './guardrail-results.js';
import type { Scenario } from './scenarios.js';

/** How a scenario breaks a stream once `afterChunks` chunks are out. */
export type StreamFault = 'drop-connection' | 'truncated' | 'error-event';

/** The `event: error` payload of the `error-event` scenario. */
export const MID_STREAM_ERROR: { error: Omit<OpenAIErrorBody['error'], 'param'> } = {
  error: {
    message: 'The emulated provider failed in the middle of the answer.',
    type: 'server_error',
    code: null,
  },
};

/** The status of a successful answer: Portkey's 246 when a guardrail only warned. */
export function successStatus(scenario: Scenario): number {
  return scenario.name === 'guardrail-warn' ? 246 : 200;
}

/** Whether the connection is dropped instead of sending a non-streamed answer. */
export function dropsInsteadOfAnswer(scenario: Scenario): boolean {
  return scenario.name === 'drop-connection';
}

/** The `hook_results` added to a non-streamed answer, if any. */
export function completionHookResults(
  scenario: Scenario,
): { before_request_hooks: HookResult[]; after_request_hooks: HookResult[] } | undefined {
  return scenario.name === 'guardrail-warn'
    ? { before_request_hooks: [hookResult(false, false)], after_request_hooks: [] }
    : undefined;
}

/** The `hook_results` chunk sent before the first completion chunk, if any. */
export function leadingHookResults(
  scenario: Scenario,
): { hook_results: { before_request_hooks: HookResult[] } } | undefined {
  const warn = scenario.name === 'guardrail-warn';
  if (scenario.name !== 'hook-results' && !warn) return undefined;
  return { hook_results: { before_request_hooks: [hookResult(!warn, false)] } };
}

/** Whether the stream carries the usage-only chunk. */
export function streamsUsage(request: ChatRequest, scenario: Scenario): boolean {
  return request.includeUsage || scenario.name === 'usage-chunk';
}

/** The fault that strikes before chunk `index` is sent, if any. */
export function faultBefore(scenario: Scenario, index: number): StreamFault | undefined {
  if (index !== scenario.afterChunks) return undefined;
  switch (scenario.name) {
    case 'drop-connection':
    case 'truncated':
    case 'error-event':
      return scenario.name;
    default:
      return undefined;
  }
}

/** Whether a `: ping` comment goes before chunk `index`. */
export function pingsBefore(scenario: Scenario, index: number): boolean {
  return scenario.name === 'ping' && index % 2 === 0;
}

/** Whether the stream ends with `data: [DONE]`. */
export function sendsDone(scenario: Scenario): boolean {
  return scenario.name !== 'no-done';
}

/** The `hook_results` chunk sent after `[DONE]`, if any. */
export function trailingHookResults(
  scenario: Scenario,
): { hook_results: { after_request_hooks: HookResult[] } } | undefined {
  return scenario.name === 'after-done'
    ? { hook_results: { after_request_hooks: [hookResult(true, false)] } }
    : undefined;
}
