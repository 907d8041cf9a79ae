import { expect, it } from 'vitest';
import { QUESTION, sendChat } from '../chat-request.js';
import type { ContractContextGetter } from '../contract-context.js';
import { upstreamCallOf } from '../upstream-calls.js';

const TRACE_ID_HEADER = 'x-portkey-trace-id';

/** Every answer names the trace its upstream call was logged under. */
export function traceIdCases(context: ContractContextGetter): void {
  it('returns the incoming request id as the trace id and sends it upstream', async () => {
    const { response, traceId } = await sendChat(context(), { body: { messages: QUESTION } });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expect(response.headers.get(TRACE_ID_HEADER)).toBe(traceId);
    const call = await upstreamCallOf(context().emulator, traceId);
    expect(call.headers[TRACE_ID_HEADER]).toBe(traceId);
  });

  it('makes a fresh trace id when the request names none', async () => {
    const response = await fetch(context().endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: QUESTION }),
    });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const traceId = response.headers.get(TRACE_ID_HEADER);
    expect(traceId).toMatch(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/);
    const call = await upstreamCallOf(context().emulator, traceId!);
    expect(call.headers[TRACE_ID_HEADER]).toBe(traceId);
  });
}
