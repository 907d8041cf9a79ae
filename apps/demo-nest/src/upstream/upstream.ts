import type { NodeClientOptions } from '@chatwire/core';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';

/** Settings of the upstream that come from code rather than the configuration. */
export interface UpstreamSettings {
  /** Milliseconds between the emulator's streamed chunks, so a reply visibly streams. */
  emulatorTokenDelayMs: number;
}

/**
 * Where the demo's chat completions go, decided once from the configuration: Portkey when
 * `PORTKEY_API_KEY` is set (in the environment or in `.env`), else an emulator started here.
 * The client, the model list and the startup log all read this one decision.
 */
export class Upstream implements OnApplicationShutdown {
  private constructor(
    /** The options of the client `ChatwireModule` creates. */
    readonly clientOptions: NodeClientOptions,
    /** One line saying what the demo talks to. */
    readonly description: string,
    /** The in-process emulator, or `undefined` when calls go to Portkey. */
    readonly emulator: Emulator | undefined,
  ) {}

  /** Reads the configuration and, without a Portkey key, starts the emulator. */
  static async connect(config: ConfigService, settings: UpstreamSettings): Promise<Upstream> {
    const apiKey = config.get<string>('PORTKEY_API_KEY')?.trim();
    if (apiKey) {
      const baseURL = config.get<string>('PORTKEY_BASE_URL') || undefined;
      return new Upstream(
        {
          apiKey,
          baseURL,
          provider: config.get<string>('PORTKEY_PROVIDER') || undefined,
          config: config.get<string>('PORTKEY_CONFIG') || undefined,
          virtualKey: config.get<string>('PORTKEY_VIRTUAL_KEY') || undefined,
        },
        `Portkey at ${baseURL ?? 'https://api.portkey.ai/v1'}`,
        undefined,
      );
    }
    const emulator = await startEmulator({ tokenDelayMs: settings.emulatorTokenDelayMs });
    return new Upstream(
      // `null`: the emulator needs no key, and none is taken from the environment.
      { baseURL: emulator.url, apiKey: null },
      `the emulator at ${emulator.url} (set PORTKEY_API_KEY to use Portkey)`,
      emulator,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.emulator?.close();
  }
}
