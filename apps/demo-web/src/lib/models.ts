/** A model the picker offers. */
export interface ModelChoice {
  /** The `model` sent in the request body. */
  id: string;
  /** What the picker shows. */
  label: string;
}

/** Models that answer normally (the emulator answers any name; Portkey routes these). */
export const ANSWER_MODELS: readonly ModelChoice[] = [
  { id: 'gpt-4o-mini', label: 'gpt-4o-mini' },
  { id: 'gpt-4o', label: 'gpt-4o' },
  { id: 'gpt-4.1-mini', label: 'gpt-4.1-mini' },
];

/**
 * Emulator scenarios, picked as a model named `scenario:<name>`: a way to see how the page
 * behaves when an answer is slow or fails, without a real outage.
 */
export const SCENARIO_MODELS: readonly ModelChoice[] = [
  { id: 'scenario:slow-stream', label: 'Slow stream' },
  { id: 'scenario:error-event', label: 'Error in the middle of the answer' },
  { id: 'scenario:truncated', label: 'Stream cut off without an end' },
  { id: 'scenario:server-error', label: 'Server error (500)' },
  { id: 'scenario:rate-limit', label: 'Rate limited (429)' },
  { id: 'scenario:guardrail-deny', label: 'Guardrail denial (446)' },
];

/** The model picked when the page opens. */
export const DEFAULT_MODEL = 'gpt-4o-mini';
