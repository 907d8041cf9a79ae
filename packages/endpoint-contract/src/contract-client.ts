import { type ChatwireClient, createClient } from '@chatwire/core';
import type { ContractUpstream } from './contract-target.js';

/**
 * The client a target's endpoint uses: createClient({ baseURL, apiKey, provider, maxRetries: 0 }).
 * No retries, so that an upstream error reaches the browser as the upstream sent it.
 */
export function contractClient(upstream: ContractUpstream): ChatwireClient {
  return createClient({
    baseURL: upstream.baseURL,
    apiKey: upstream.apiKey,
    provider: upstream.provider,
    maxRetries: 0,
  });
}
