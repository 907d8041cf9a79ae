/**
 * The emulator's failure scenarios worth picking on the page, each requested as a model named
 * `scenario:<name>`: they show how a slow answer, a broken stream or a refusal looks, without
 * a real outage. Portkey knows no such models, so they are offered on the emulator only.
 */
export const EMULATOR_SCENARIO_MODELS: readonly string[] = [
  'scenario:slow-stream',
  'scenario:error-event',
  'scenario:truncated',
  'scenario:server-error',
  'scenario:rate-limit',
  'scenario:guardrail-deny',
];

/** The body of `GET /api/models`: what the chat endpoint accepts in `model`. */
export interface ChatModels {
  /** Every model the chat endpoint accepts, the default first. */
  models: string[];
  /** The model used when a request names none. */
  defaultModel: string;
  /** Whether the answers come from the chatwire emulator rather than Portkey. */
  emulator: boolean;
}

/**
 * The models the chat endpoint allows: the default model, the configured others, and on the
 * emulator its scenario models, each listed once.
 */
export function resolveChatModels(
  defaultModel: string,
  configured: readonly string[],
  emulator: boolean,
): ChatModels {
  const models = [defaultModel, ...configured, ...(emulator ? EMULATOR_SCENARIO_MODELS : [])];
  return { models: [...new Set(models)], defaultModel, emulator };
}

/** The models the environment names for the chat endpoint, before the emulator's are added. */
export interface ChatModelSettings {
  /** The model used when the browser names none: `CHAT_MODEL`, default `gpt-4o-mini`. */
  model: string;
  /** Further models the page may pick: `CHAT_MODELS`, a comma-separated list. */
  allowedModels: string[];
}

/** Reads `CHAT_MODEL` and `CHAT_MODELS`; blank entries of the list are ignored. */
export function chatModelSettings(env: NodeJS.ProcessEnv): ChatModelSettings {
  const allowedModels = (env.CHAT_MODELS ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return { model: env.CHAT_MODEL || 'gpt-4o-mini', allowedModels };
}
