/**
 * The simplest call: one question, one answer.
 *
 * Run it with `pnpm --filter @chatwire/core example examples/default-call.ts` and PORTKEY_API_KEY in
 * the environment, or against the local emulator with
 * PORTKEY_BASE_URL=http://127.0.0.1:8787/v1 (see the README).
 */
import { pathToFileURL } from 'node:url';
// In an application: import { createClient } from '@chatwire/core';
import { createClient } from '../src/index.js';

/** Asks the model one question, prints the answer and returns it. */
export async function main(baseURL?: string): Promise<string> {
  const portkey = createClient({ baseURL, provider: 'openai' });
  try {
    const completion = await portkey.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Say this is a test' }],
    });
    const answer = completion.choices[0]?.message.content ?? '';
    console.log(answer);
    return answer;
  } finally {
    await portkey.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
