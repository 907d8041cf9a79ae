import type { ContractTarget } from '@chatwire/endpoint-contract';
import type { Platform } from './platforms.js';

/** The endpoint contract's target for a platform: its endpoint with the handler's defaults. */
export function contractTarget(platform: Platform): ContractTarget {
  return {
    name: platform.name,
    start: async (upstream) => {
      const endpoint = await platform.start(upstream);
      return { url: endpoint.url, close: endpoint.close };
    },
  };
}
