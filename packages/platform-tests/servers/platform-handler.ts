import { createClient } from '@chatwire/core';
import {
  type ChatCompletionsFetchHandler,
  createChatCompletionsFetchHandler,
  MemoryTurnStore,
} from '@chatwire/core/server';

/** The path every platform serves the chat endpoint at. */
export const CHAT_PATH = '/api/chat';

/** What a platform's endpoint is started with: its upstream, and the model it fills in. */
export interface PlatformSettings {
  /** The upstream's API base, e.g. the emulator's `url`. */
  baseURL: string;
  /** The server's Portkey key, the only one the upstream sees. */
  apiKey: string;
  provider?: string;
  /** The model filled in when the browser names none; without it the body goes without one. */
  defaultModel?: string;
  /** `'memory'` records streamed turns in a `MemoryTurnStore`, so that they can be resumed. */
  turns?: 'memory';
}

/** The environment variables a platform running in another process reads its settings from. */
export const SETTINGS_ENV = {
  baseURL: 'CHATWIRE_UPSTREAM_BASE_URL',
  apiKey: 'CHATWIRE_UPSTREAM_API_KEY',
  provider: 'CHATWIRE_UPSTREAM_PROVIDER',
  defaultModel: 'CHATWIRE_DEFAULT_MODEL',
  turns: 'CHATWIRE_TURNS',
} as const;

/** The settings as environment variables, for a platform started in another process. */
export function settingsEnv(settings: PlatformSettings): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of Object.keys(SETTINGS_ENV) as Array<keyof PlatformSettings>) {
    const value = settings[key];
    if (value !== undefined) env[SETTINGS_ENV[key]] = value;
  }
  return env;
}

/** The settings passed by {@link settingsEnv}. */
export function settingsFromEnv(env: Record<string, string | undefined>): PlatformSettings {
  const baseURL = env[SETTINGS_ENV.baseURL];
  const apiKey = env[SETTINGS_ENV.apiKey];
  if (baseURL === undefined || apiKey === undefined) {
    throw new Error(`Set ${SETTINGS_ENV.baseURL} and ${SETTINGS_ENV.apiKey}.`);
  }
  return {
    baseURL,
    apiKey,
    provider: env[SETTINGS_ENV.provider],
    defaultModel: env[SETTINGS_ENV.defaultModel],
    turns: env[SETTINGS_ENV.turns] === 'memory' ? 'memory' : undefined,
  };
}

/**
 * The chat endpoint every platform serves: the fetch handler with default options, its client
 * calling the given upstream without retries (an upstream error reaches the browser as sent),
 * and a turn store when the settings ask for one.
 */
export function platformHandler(settings: PlatformSettings): ChatCompletionsFetchHandler {
  const client = createClient({
    baseURL: settings.baseURL,
    apiKey: settings.apiKey,
    provider: settings.provider,
    maxRetries: 0,
  });
  const turnStore = settings.turns === 'memory' ? new MemoryTurnStore() : undefined;
  const handler = createChatCompletionsFetchHandler({
    client,
    defaultModel: settings.defaultModel,
    turnStore,
  });
  return Object.assign((request: Request) => handler(request), {
    close: async () => {
      await turnStore?.close();
      await client.close();
    },
  });
}
