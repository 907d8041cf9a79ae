// The upstream of the Express benchmark and load test, in its own thread so that its work does
// not share the event loop with the proxies being measured. It answers
// `POST /v1/chat/completions` like Portkey: a JSON completion, or with `stream: true` the
// response headers and the first chunk at once, then one chunk per turn of its event loop (as
// tokens arrive from a model), an optional usage chunk and `data: [DONE]`.
import { createServer } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { chunkCount } = workerData;
const created = Math.floor(Date.now() / 1000);
const words = ['Streaming ', 'answers ', 'arrive ', 'token ', 'by ', 'token, ', 'fast. '];

function chunk(delta, finishReason) {
  return `data: ${JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion.chunk',
    created,
    model: 'gpt-4o-mini',
    system_fingerprint: 'fp_bench',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  })}\n\n`;
}

const events = [chunk({ role: 'assistant', content: '' }, null)];
for (let index = 1; index < chunkCount - 1; index++) {
  events.push(chunk({ content: words[index % words.length] }, null));
}
events.push(chunk({}, 'stop'));
const usage = `data: ${JSON.stringify({
  id: 'chatcmpl-bench',
  object: 'chat.completion.chunk',
  created,
  model: 'gpt-4o-mini',
  choices: [],
  usage: { prompt_tokens: 12, completion_tokens: chunkCount, total_tokens: 12 + chunkCount },
})}\n\n`;
const completion = JSON.stringify({
  id: 'chatcmpl-bench',
  object: 'chat.completion',
  created,
  model: 'gpt-4o-mini',
  choices: [
    { index: 0, message: { role: 'assistant', content: words.join('') }, finish_reason: 'stop' },
  ],
  usage: { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 },
});

function stream(response, withUsage) {
  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    'x-portkey-cache-status': 'MISS',
  });
  response.write(events[0]);
  let next = 1;
  const step = () => {
    if (response.destroyed) return;
    if (next < events.length) {
      response.write(events[next++]);
      setImmediate(step);
      return;
    }
    if (withUsage) response.write(usage);
    response.end('data: [DONE]\n\n');
  };
  setImmediate(step);
}

const server = createServer((request, response) => {
  const pieces = [];
  request.on('data', (piece) => pieces.push(piece));
  request.on('end', () => {
    let body = {};
    try {
      body = JSON.parse(Buffer.concat(pieces).toString('utf8'));
    } catch {
      // A benchmark client always sends JSON; an empty object answers with JSON.
    }
    if (body.stream === true) {
      stream(response, body.stream_options?.include_usage === true);
    } else {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(completion);
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
parentPort.on('message', (message) => {
  if (message === 'stop') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
