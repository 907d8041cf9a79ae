import { DEFAULT_BODY_LIMIT } from '@chatwire/core/server';
import { expect, it } from 'vitest';
import { sendChat } from '../chat-request.js';
import type { ContractContextGetter } from '../contract-context.js';
import { expectOpenAIError } from '../openai-error.js';
import { upstreamCallsOf } from '../upstream-calls.js';

/** Requests the endpoint refuses itself, with an OpenAI-shaped error and no upstream call. */
export function badRequestCases(context: ContractContextGetter): void {
  it('refuses malformed JSON with 400 and never calls the upstream', async () => {
    const { response, traceId } = await sendChat(context(), { body: '{"messages": [' });
    expect(response.status).toBe(400);
    const error = await expectOpenAIError(response);
    expect(error.type).toBe('invalid_request_error');
    expect(upstreamCallsOf(context().emulator, traceId)).toEqual([]);
  });

  it('refuses a body over the default body limit with 413 and never calls the upstream', async () => {
    const content = 'a'.repeat(DEFAULT_BODY_LIMIT);
    const body = { messages: [{ role: 'user', content }] };
    const { response, traceId } = await sendChat(context(), { body });
    expect(response.status).toBe(413);
    await response.arrayBuffer();
    expect(upstreamCallsOf(context().emulator, traceId)).toEqual([]);
  });

  it('refuses a body that is not sent as JSON with 415 and never calls the upstream', async () => {
    const body = JSON.stringify({ messages: [{ role: 'user', content: 'Hello' }] });
    const headers = { 'content-type': 'text/plain' };
    const { response, traceId } = await sendChat(context(), { body, headers });
    expect(response.status).toBe(415);
    await response.arrayBuffer();
    expect(upstreamCallsOf(context().emulator, traceId)).toEqual([]);
  });

  it('refuses a method other than POST with 405 and never calls the upstream', async () => {
    const { response, traceId } = await sendChat(context(), { method: 'GET' });
    expect(response.status).toBe(405);
    await response.arrayBuffer();
    expect(upstreamCallsOf(context().emulator, traceId)).toEqual([]);
  });
}
