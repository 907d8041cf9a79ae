import type { ContractContext } from './contract-context.js';
import { RELAY_MODEL } from './scenario-relay.js';

/** What the emulator itself answers to `messages`, asked directly (no trace id, not streamed). */
export async function emulatorAnswer(
  context: ContractContext,
  messages: readonly object[],
): Promise<string> {
  const response = await fetch(`${context.emulator.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: RELAY_MODEL, messages }),
  });
  const completion = (await response.json()) as {
    choices: Array<{ message: { content: string } }>;
  };
  const content = completion.choices[0]?.message.content;
  if (content === undefined) throw new Error('The emulator answered without a message.');
  return content;
}
