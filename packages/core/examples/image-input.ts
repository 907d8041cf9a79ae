/**
 * Vision: a user message made of a text part and an image part.
 *
 * Run it with `pnpm --filter @chatwire/core example examples/image-input.ts` and PORTKEY_API_KEY in
 * the environment, or against the local emulator with
 * PORTKEY_BASE_URL=http://127.0.0.1:8787/v1 (see the README).
 */
import { pathToFileURL } from 'node:url';
// In an application: import { createClient } from '@chatwire/core';
import { createClient } from '../src/index.js';

/** The picture the model is asked about. */
export const IMAGE_URL =
  'https://upload.wikimedia.org/wikipedia/commons/thumb/d/dd/Gfp-wisconsin-madison-the-nature-boardwalk.jpg/2560px-Gfp-wisconsin-madison-the-nature-boardwalk.jpg';

/** Asks what an image shows, prints the answer and returns it. */
export async function main(baseURL?: string): Promise<string> {
  const portkey = createClient({ baseURL, provider: 'openai' });
  try {
    const completion = await portkey.chat.completions.create({
      model: 'gpt-4o',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in this image?' },
            // A base64 `data:image/png;base64,…` URL works here too.
            { type: 'image_url', image_url: { url: IMAGE_URL, detail: 'low' } },
          ],
        },
      ],
      max_tokens: 300,
    });
    const answer = completion.choices[0]?.message.content ?? '';
    console.log(answer);
    return answer;
  } finally {
    await portkey.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
