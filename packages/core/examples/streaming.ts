/**
 * Streaming: print the answer as it is written, then use the accumulated completion.
 *
 * Run it with `pnpm --filter @chatwire/core example examples/streaming.ts` and PORTKEY_API_KEY in
 * the environment, or against the local emulator with
 * PORTKEY_BASE_URL=http://127.0.0.1:8787/v1 (see the README).
 */
import { pathToFileURL } from 'node:url';
// In an application: import { createClient } from '@chatwire/core';
import { createClient } from '../src/index.js';

/** Streams a short story to stdout and returns its text. */
export async function main(baseURL?: string): Promise<string> {
  const portkey = createClient({ baseURL, provider: 'openai' });
  try {
    const stream = await portkey.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Tell me a two-sentence story about a lighthouse.' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    for await (const chunk of stream) {
      process.stdout.write(chunk.choices[0]?.delta.content ?? '');
    }
    process.stdout.write('\n');
    // The chunks merged into one completion, as a non-streamed call would have returned it.
    const completion = await stream.finalChatCompletion();
    console.log(`trace ${stream.meta.traceId}, ${completion.usage?.total_tokens} tokens`);
    return completion.choices[0]?.message.content ?? '';
  } finally {
    await portkey.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
