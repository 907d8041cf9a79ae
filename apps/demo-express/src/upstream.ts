import { type ChatwireClient, createClient } from '@chatwire/core';
import { startEmulator } from '@chatwire/emulator';

/** Where the demo's chat requests go, and how to let go of it. */
export interface Upstream {
  client: ChatwireClient;
  /** Whether `client` talks to the emulator started here rather than to Portkey. */
  emulator: boolean;
  /** One line saying what the demo talks to. */
  description: string;
  close(): Promise<void>;
}

/**
 * With `PORTKEY_API_KEY` set, a client for Portkey, routed by `PORTKEY_PROVIDER`,
 * `PORTKEY_CONFIG` or `PORTKEY_VIRTUAL_KEY` (and `PORTKEY_BASE_URL` for a self-hosted gateway).
 * Without it, a local emulator started in this process, so the demo runs with no account and
 * no network.
 */
export async function connectUpstream(env: NodeJS.ProcessEnv): Promise<Upstream> {
  const apiKey = env.PORTKEY_API_KEY?.trim();
  if (apiKey) {
    const client = createClient({
      apiKey,
      provider: env.PORTKEY_PROVIDER || undefined,
      config: env.PORTKEY_CONFIG || undefined,
      virtualKey: env.PORTKEY_VIRTUAL_KEY || undefined,
      baseURL: env.PORTKEY_BASE_URL || undefined,
    });
    return {
      client,
      emulator: false,
      description: `Portkey at ${client.baseURL}`,
      close: () => client.close(),
    };
  }
  const emulator = await startEmulator({ tokenDelayMs: 20 });
  const client = createClient({ baseURL: emulator.url, apiKey: 'emulator' });
  return {
    client,
    emulator: true,
    description: `the chatwire emulator at ${emulator.url} (PORTKEY_API_KEY is not set)`,
    close: async () => {
      await client.close();
      await emulator.close();
    },
  };
}
