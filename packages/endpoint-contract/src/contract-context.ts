import type { Emulator } from '@chatwire/emulator';
import type { ContractUpstream, EndpointUnderTest } from './contract-target.js';
import type { ScenarioRelay } from './scenario-relay.js';

/** What every contract case works with: the endpoint, and the upstream it calls. */
export interface ContractContext {
  endpoint: EndpointUnderTest;
  /** The upstream itself; its request log shows what reached it. */
  emulator: Emulator;
  relay: ScenarioRelay;
  /** The values the endpoint's client was built from. */
  upstream: ContractUpstream;
}

/** Gives a case the context once `beforeAll` has started it. */
export type ContractContextGetter = () => ContractContext;
