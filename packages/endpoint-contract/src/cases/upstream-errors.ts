import { expect, it } from 'vitest';
import { QUESTION, sendChat } from '../chat-request.js';
import type { ContractContextGetter } from '../contract-context.js';
import { expectOpenAIError } from '../openai-error.js';
import { readEvents } from '../server-sent-events.js';

/**
 * An upstream error reaches the browser with its status, as an OpenAI error; one that strikes
 * once the stream has begun ends the stream with an `error` event instead of `[DONE]`.
 */
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

  it('ends a stream the upstream breaks off with an error event in the OpenAI shape', async () => {
    const { response } = await sendChat(context(), {
      body: { messages: QUESTION, stream: true },
      scenario: {
        name: 'drop-connection',
        // Paced, so that the chunks sent before the drop are on the wire when it comes.
        parameters: { 'x-emulator-after-chunks': '2', 'x-emulator-token-delay-ms': '20' },
      },
    });
    expect(response.status).toBe(200);
    const events = await readEvents(response);
    expect(events.length).toBeGreaterThan(1);
    const last = events.at(-1)!;
    expect(last.event).toBe('error');
    expect(JSON.parse(last.data)).toEqual({
      error: expect.objectContaining({ message: expect.any(String), type: expect.any(String) }),
    });
  });
}
