import { startEmulator } from '@chatwire/emulator';
import { afterAll, beforeAll, describe } from 'vitest';
import { answerCases } from './cases/answers.js';
import { badRequestCases } from './cases/bad-requests.js';
import { credentialCases } from './cases/credentials.js';
import { disconnectCases } from './cases/disconnect.js';
import { traceIdCases } from './cases/trace-id.js';
import { upstreamErrorCases } from './cases/upstream-errors.js';
import type { ContractContext } from './contract-context.js';
import type { ContractTarget } from './contract-target.js';
import { startScenarioRelay } from './scenario-relay.js';

/** The server's key, which the endpoint's client sends: the only key the upstream may see. */
const SERVER_KEY = 'contract-server-key';

/**
 * Registers the contract's vitest tests for `target` (its own emulator started in beforeAll),
 * under a `describe` named after the target.
 *
 * @example
 * ```ts
 * describeEndpointContract({
 *   name: 'Express 5',
 *   start: async (upstream) => {
 *     const client = contractClient(upstream);
 *     const app = express();
 *     app.all('/api/chat', chatCompletions({ client }));
 *     const server = app.listen(0, '127.0.0.1');
 *     await once(server, 'listening');
 *     const { port } = server.address() as AddressInfo;
 *     const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
 *     return { url: `http://127.0.0.1:${port}/api/chat`, close: () => close().then(() => client.close()) };
 *   },
 * });
 * ```
 */
export function describeEndpointContract(target: ContractTarget): void {
  describe(`chat endpoint contract on ${target.name}`, () => {
    let context: ContractContext | undefined;
    const stops: Array<() => Promise<void>> = [];
    const started = (): ContractContext => {
      if (context === undefined)
        throw new Error(
          `The ${target.name} endpoint did not start: see the error of beforeAll, thrown by the target's start().`,
        );
      return context;
    };

    beforeAll(async () => {
      const emulator = await startEmulator();
      stops.unshift(() => emulator.close());
      const relay = await startScenarioRelay(emulator.origin);
      stops.unshift(() => relay.close());
      const upstream = { baseURL: relay.url, apiKey: SERVER_KEY, provider: 'openai' };
      const endpoint = await target.start(upstream);
      stops.unshift(() => endpoint.close());
      context = { endpoint, emulator, relay, upstream };
    });

    // The endpoint first, then what it calls: whatever started is stopped, even after a failure.
    afterAll(async () => {
      for (const stop of stops) await stop();
    });

    answerCases(started);
    badRequestCases(started);
    credentialCases(started);
    upstreamErrorCases(started);
    disconnectCases(started);
    traceIdCases(started);
  });
}
