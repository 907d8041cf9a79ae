/** The body of the API's `GET /api/models`: what its chat endpoint accepts in `model`. */
export interface ModelList {
  /** Every model the chat endpoint accepts, the default first. */
  models: readonly string[];
  /** The model the API uses when a request names none. */
  defaultModel: string;
  /** Whether the API answers from the chatwire emulator rather than Portkey. */
  emulator: boolean;
}

/** The model picked before the API's list has arrived, and offered alone if it never does. */
export const DEFAULT_MODEL = 'gpt-4o-mini';

/** What the picker offers until (or unless) the API says otherwise. */
export const FALLBACK_MODEL_LIST: ModelList = {
  models: [DEFAULT_MODEL],
  defaultModel: DEFAULT_MODEL,
  emulator: false,
};

const SCENARIO_PREFIX = 'scenario:';

const SCENARIO_LABELS: Readonly<Record<string, string>> = {
  'scenario:slow-stream': 'Slow stream',
  'scenario:error-event': 'Error in the middle of the answer',
  'scenario:truncated': 'Stream cut off without an end',
  'scenario:server-error': 'Server error (500)',
  'scenario:rate-limit': 'Rate limited (429)',
  'scenario:guardrail-deny': 'Guardrail denial (446)',
};

/**
 * Whether a model is one of the emulator's scenarios (`scenario:<name>`): a way to see how the
 * page behaves when an answer is slow or fails, without a real outage.
 */
export function isScenarioModel(model: string): boolean {
  return model.startsWith(SCENARIO_PREFIX);
}

/** What the picker shows for a model: a description for a scenario, else its name. */
export function modelLabel(model: string): string {
  return SCENARIO_LABELS[model] ?? model;
}
