import type { ConfigService } from '@nestjs/config';

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

/**
 * The models the chat endpoint accepts, and the body of `GET /api/models`: `CHAT_MODEL` (the
 * default, `gpt-4o-mini` when unset), the comma-separated `CHAT_MODELS`, and on the emulator
 * its scenario models.
 */
export class ChatModels {
  private constructor(
    /** Every model the chat endpoint accepts, the default first. */
    readonly models: string[],
    /** The model used when a request names none. */
    readonly defaultModel: string,
    /** Whether the answers come from the chatwire emulator rather than Portkey. */
    readonly emulator: boolean,
  ) {}

  /** Reads the models from the configuration. */
  static fromConfig(config: ConfigService, emulator: boolean): ChatModels {
    const defaultModel = config.get<string>('CHAT_MODEL') || 'gpt-4o-mini';
    const configured = (config.get<string>('CHAT_MODELS') ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    const models = [defaultModel, ...configured, ...(emulator ? EMULATOR_SCENARIO_MODELS : [])];
    return new ChatModels([...new Set(models)], defaultModel, emulator);
  }
}
