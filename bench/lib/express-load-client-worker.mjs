// The browsers of the Express benchmark and load test, in their own thread so that reading the
// answers does not share the event loop with the proxy being measured (a browser is never in
// the server's process). On each message it sends a batch of streamed chat requests and
// posts back what it measured.
import { parentPort } from 'node:worker_threads';
import { Agent, request } from 'undici';

const agent = new Agent({ keepAliveTimeout: 60_000 });
const DONE = 'data: [DONE]\n\n';
const OWNER_COOKIE = 'chatwire_owner=bench-browser-owner-secret-0001';
const body = JSON.stringify({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Say something for the benchmark.' }],
  stream: true,
});

let batches = 0;

async function runBatch({ url, total, concurrency, idempotent }) {
  batches++;
  const firstByteMs = [];
  let errors = 0;
  let firstError;
  let started = 0;
  const one = async (index) => {
    const headers = { 'content-type': 'application/json' };
    // A key per request, as a browser that can resume sends: each request is a turn of its own.
    // The browser keeps the owner cookie the endpoint gave it, as a browser does.
    if (idempotent) {
      headers['idempotency-key'] = `bench-${batches}-${index}`;
      headers.cookie = OWNER_COOKIE;
    }
    const sentAt = performance.now();
    try {
      const answer = await request(url, { method: 'POST', body, headers, dispatcher: agent });
      let first = true;
      let tail = '';
      for await (const piece of answer.body) {
        if (first) {
          firstByteMs.push(performance.now() - sentAt);
          first = false;
        }
        tail = (tail + piece.toString('latin1')).slice(-DONE.length);
      }
      if (answer.statusCode !== 200 || tail !== DONE) {
        throw new Error(`status ${answer.statusCode}, answer ending ${JSON.stringify(tail)}`);
      }
    } catch (error) {
      errors++;
      firstError ??= String(error);
    }
  };
  const lane = async () => {
    while (started < total) {
      started++;
      await one(started);
    }
  };
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, lane));
  return { elapsedMs: performance.now() - startedAt, firstByteMs, errors, firstError };
}

parentPort.on('message', async (message) => {
  if (message.type === 'run') {
    parentPort.postMessage(await runBatch(message));
  } else if (message.type === 'close') {
    await agent.close();
    parentPort.postMessage('closed');
    parentPort.close();
  }
});
