import { type ChatwireClient, createClient } from '@chatwire/core';
import { afterAll, beforeAll } from 'vitest';
import { type Emulator, startEmulator } from '../../src/index.js';
import { type RunningGateway, startGateway } from './gateway.js';

/** The emulator, the open-source gateway in front of it, and a client for each way in. */
export interface GatewayPair {
  readonly emulator: Emulator;
  readonly gateway: RunningGateway;
  /** Calls the emulator directly. */
  readonly direct: ChatwireClient;
  /** Calls the gateway, which forwards to the emulator as its custom host. */
  readonly viaGateway: ChatwireClient;
}

function clientFor(baseURL: string, upstream: string): ChatwireClient {
  return createClient({
    baseURL,
    apiKey: 'test',
    provider: 'openai',
    authorization: 'Bearer test',
    customHost: upstream,
    maxRetries: 0,
  });
}

/**
 * Starts the emulator and the gateway before the file's tests and stops both after; the pair's
 * fields are ready once `beforeAll` has run.
 */
export function useGatewayPair(): GatewayPair {
  const pair = {} as { -readonly [K in keyof GatewayPair]: GatewayPair[K] };
  beforeAll(async () => {
    pair.emulator = await startEmulator();
    pair.gateway = await startGateway();
    pair.direct = clientFor(pair.emulator.url, pair.emulator.url);
    pair.viaGateway = clientFor(pair.gateway.url, pair.emulator.url);
  }, 30_000);
  afterAll(async () => {
    await pair.gateway?.close();
    await pair.emulator?.close();
  });
  return pair;
}
