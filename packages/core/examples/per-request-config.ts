/**
 * Per-request Portkey options: a trace id, metadata and a config for one call only. They
 * replace the client's for that call and do not stick to the client.
 *
 * Run it with `pnpm --filter @chatwire/core example examples/per-request-config.ts` and PORTKEY_API_KEY in
 * the environment, or against the local emulator with
 * PORTKEY_BASE_URL=http://127.0.0.1:8787/v1 (see the README).
 */
import { pathToFileURL } from 'node:url';
// In an application: import { createClient } from '@chatwire/core';
import { createClient } from '../src/index.js';

/** Makes one traced call with its own retry and cache settings, and returns Portkey's trace id. */
export async function main(baseURL?: string): Promise<string | null> {
  const portkey = createClient({ baseURL, provider: 'openai' });
  try {
    const completion = await portkey.chat.completions.create(
      {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'Summarise our refund policy in one line.' }],
      },
      {
        traceId: 'support-ticket-4711',
        metadata: { _user: 'user-123', environment: 'staging' },
        config: { retry: { attempts: 3 }, cache: { mode: 'simple', max_age: 600 } },
      },
    );
    console.log(completion.choices[0]?.message.content ?? '');
    console.log(`trace ${completion.meta.traceId}, cache ${completion.meta.cacheStatus}`);
    return completion.meta.traceId;
  } finally {
    await portkey.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
