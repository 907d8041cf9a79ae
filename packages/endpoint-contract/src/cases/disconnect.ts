import { expect, it } from 'vitest';
import { QUESTION, sendChat } from '../chat-request.js';
import type { ContractContextGetter } from '../contract-context.js';

/** A browser that leaves mid-stream stops the upstream call, so nobody pays for unread tokens. */
export function disconnectCases(context: ContractContextGetter): void {
  it('aborts the upstream call when the client disconnects mid-stream', async () => {
    const leave = new AbortController();
    const { response, traceId } = await sendChat(context(), {
      body: { messages: QUESTION, stream: true },
      scenario: { name: 'slow-stream', parameters: { 'x-emulator-delay-ms': '200' } },
      signal: leave.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    leave.abort();
    const call = await context().emulator.waitForRequest(
      (request) => request.headers['x-portkey-trace-id'] === traceId && request.aborted,
    );
    expect(call.aborted).toBe(true);
  });
}
