/**
 * The chat endpoint contract: one suite of user-visible behaviours that the chat endpoint of
 * every platform (Express, Nest, Hono, Bun, Next.js, …) must show. A platform's test file
 * describes how to start its endpoint; the suite does the rest.
 */
export { contractClient } from './contract-client.js';
export type { ContractTarget, ContractUpstream, EndpointUnderTest } from './contract-target.js';
export { type CountingUpstream, startCountingUpstream } from './counting-upstream.js';
export { describeEndpointContract } from './describe-endpoint-contract.js';
export { childOf, type HttpTracing, traceHttpServers } from './http-tracing.js';
