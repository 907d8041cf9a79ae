import { expect, it } from 'vitest';
import { sendChat } from '../chat-request.js';
import type { ContractContextGetter } from '../contract-context.js';
import { expectOpenAIError } from '../openai-error.js';

/** An upstream error reaches the browser with its status, as an OpenAI error. */
export function upstreamErrorCases(context: ContractContextGetter): void {
  it('passes an upstream rate limit on as 429 with an OpenAI error body', async () => {
    const { response } = await sendChat(context(), { scenario: { name: 'rate-limit' } });
    expect(response.status).toBe(429);
    await expectOpenAIError(response);
  });

  it('passes an upstream server error on with its status and an OpenAI error body', async () => {
    const scenario = { name: 'status', parameters: { 'x-emulator-status': '503' } };
    const { response } = await sendChat(context(), { scenario });
    expect(response.status).toBe(503);
    await expectOpenAIError(response);
  });
}
