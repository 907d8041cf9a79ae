import type { ChatwireModuleOptions } from '@chatwire/nestjs';
import type { ConfigService } from '@nestjs/config';

/** Where the demo sends chat completions: hosted Portkey (or a gateway), or the emulator. */
export const EMULATOR_URL = 'CHATWIRE_EMULATOR_URL';

function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items === undefined || items.length === 0 ? undefined : items;
}

/**
 * The chatwire options from the configuration: Portkey when `PORTKEY_API_KEY` is set (with
 * `PORTKEY_PROVIDER`, `PORTKEY_CONFIG`, `PORTKEY_VIRTUAL_KEY`, `PORTKEY_BASE_URL`), else the
 * emulator the app started. The models the browser may pick come from `CHAT_MODEL` (the
 * default) and `CHAT_MODELS` (a comma-separated list).
 */
export function chatwireOptionsFactory(config: ConfigService): ChatwireModuleOptions {
  const model = config.get<string>('CHAT_MODEL') || 'gpt-4o-mini';
  const endpoint = {
    defaultModel: model,
    allowedModels: list(config.get<string>('CHAT_MODELS')) ?? [model],
  };
  const apiKey = config.get<string>('PORTKEY_API_KEY');
  if (apiKey) {
    return {
      apiKey,
      baseURL: config.get<string>('PORTKEY_BASE_URL') || undefined,
      provider: config.get<string>('PORTKEY_PROVIDER') || undefined,
      config: config.get<string>('PORTKEY_CONFIG') || undefined,
      virtualKey: config.get<string>('PORTKEY_VIRTUAL_KEY') || undefined,
      endpoint,
    };
  }
  return { baseURL: config.getOrThrow<string>(EMULATOR_URL), apiKey: null, endpoint };
}
