import { expect, it } from 'vitest';
import { QUESTION, sendChat } from '../chat-request.js';
import type { ContractContextGetter } from '../contract-context.js';
import { emulatorAnswer } from '../emulator-answer.js';
import { joinDeltas, readEventData } from '../server-sent-events.js';

/** A streamed and a JSON answer carry the upstream's answer, in OpenAI's wire format. */
export function answerCases(context: ContractContextGetter): void {
  it('streams the answer as server-sent events ending with [DONE]', async () => {
    const { response } = await sendChat(context(), { body: { messages: QUESTION, stream: true } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const data = await readEventData(response);
    expect(data.at(-1)).toBe('[DONE]');
    expect(joinDeltas(data)).toBe(await emulatorAnswer(context(), QUESTION));
  });

  it('answers a request that is not streamed with a chat.completion object', async () => {
    const { response } = await sendChat(context(), { body: { messages: QUESTION } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const completion = (await response.json()) as {
      object: string;
      choices: Array<{ index: number; message: { role: string; content: string } }>;
    };
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message).toEqual(
      expect.objectContaining({
        role: 'assistant',
        content: await emulatorAnswer(context(), QUESTION),
      }),
    );
  });
}
