import { type DemoServer, startDemoServer } from 'demo-web/e2e';
import OpenAI from 'openai';
import { afterAll, beforeAll, expect, it } from 'vitest';

const QUESTION = [{ role: 'user' as const, content: 'Hello' }];
/** A short answer is enough to show the wire format, and the emulator streams it quickly. */
const MAX_TOKENS = 12;

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer('demo-next');
});

afterAll(async () => {
  await server?.close();
});

it('starts one emulator per server process, however many routes call it', async () => {
  const post = (path: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: QUESTION, max_tokens: MAX_TOKENS }),
    });
  const answers = await Promise.all([
    fetch(`${server.url}/api/models`),
    post('/api/chat'),
    post('/api/v1/chat/completions'),
  ]);
  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
  await Promise.all(answers.map((answer) => answer.arrayBuffer()));
  expect(server.output().match(/Talking to the chatwire emulator/g)).toHaveLength(1);
});

it('answers the OpenAI SDK pointed at /api/v1, streamed and as one completion', async () => {
  const openai = new OpenAI({ baseURL: `${server.url}/api/v1`, apiKey: 'not-used', maxRetries: 0 });
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: QUESTION,
    max_tokens: MAX_TOKENS,
  });
  const answer = completion.choices[0]?.message.content ?? '';
  expect(answer).not.toBe('');

  const stream = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: QUESTION,
    max_tokens: MAX_TOKENS,
    stream: true,
  });
  let streamed = '';
  let chunks = 0;
  for await (const chunk of stream) {
    streamed += chunk.choices[0]?.delta.content ?? '';
    chunks += 1;
  }
  expect(chunks).toBeGreaterThan(1);
  expect(streamed).toBe(answer);
});
