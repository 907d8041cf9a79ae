import { type DemoServer, startDemoServer } from 'demo-web/e2e';
import { afterAll, beforeAll, expect, it } from 'vitest';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer('demo-next');
});

afterAll(async () => {
  await server?.close();
});

it('starts one emulator per server process, however many routes call it', async () => {
  const question = JSON.stringify({ messages: [{ role: 'user', content: 'Hello' }] });
  const post = (path: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: question,
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
