import { expect, it } from 'vitest';
import { QUESTION, sendChat } from '../chat-request.js';
import type { ContractContextGetter } from '../contract-context.js';
import { upstreamCallOf } from '../upstream-calls.js';

const SMUGGLED = 'smuggled-by-the-browser';

/** Credentials and routing come from the server only, whatever the browser sends. */
export function credentialCases(context: ContractContextGetter): void {
  it('never lets credentials sent by the browser reach the upstream', async () => {
    const headers = {
      'x-portkey-api-key': `${SMUGGLED}-portkey-key`,
      authorization: `Bearer ${SMUGGLED}-bearer`,
      'x-portkey-virtual-key': `${SMUGGLED}-virtual-key`,
    };
    const body = {
      messages: QUESTION,
      api_key: `${SMUGGLED}-api_key`,
      apiKey: `${SMUGGLED}-apiKey`,
      'x-portkey-api-key': `${SMUGGLED}-body-portkey-key`,
      virtual_key: `${SMUGGLED}-virtual_key`,
      provider: `${SMUGGLED}-provider`,
      config: `${SMUGGLED}-config`,
      custom_host: `http://${SMUGGLED}.example`,
    };
    const { response, traceId } = await sendChat(context(), { headers, body });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const call = await upstreamCallOf(context().emulator, traceId);
    expect(call.headers['x-portkey-api-key']).toBe(context().upstream.apiKey);
    expect(call.headers['x-portkey-provider']).toBe(context().upstream.provider);
    expect(JSON.stringify(call.headers)).not.toContain(SMUGGLED);
    expect(call.body).not.toContain(SMUGGLED);
  });

  it("forwards none of the browser's own headers to the upstream", async () => {
    const headers = { 'x-emulator-scenario': 'rate-limit', 'x-browser-note': SMUGGLED };
    const { response, traceId } = await sendChat(context(), { headers });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const call = await upstreamCallOf(context().emulator, traceId);
    expect(call.headers['x-emulator-scenario']).toBeUndefined();
    expect(JSON.stringify(call.headers)).not.toContain(SMUGGLED);
  });
}
