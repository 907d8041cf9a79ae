// A loopback chat completions server for the client benchmark, run in a worker thread so
// that its work does not count against the clients measured on the main thread.
import { createServer } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { chunkCount } = workerData;

const completion = Buffer.from(
  JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'gpt-4o-mini',
    system_fingerprint: 'fp_bench',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content:
            'A benchmark answer of a few sentences, long enough to look like a real reply from a model behind the gateway.',
          refusal: null,
        },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 25, completion_tokens: 24, total_tokens: 49 },
  }),
);

function chunk(index, content, finishReason) {
  return `data: ${JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'gpt-4o-mini',
    system_fingerprint: 'fp_bench',
    choices: [
      {
        index: 0,
        delta: index === 0 ? { role: 'assistant', content } : { content },
        logprobs: null,
        finish_reason: finishReason,
      },
    ],
  })}\n\n`;
}

const events = [];
for (let index = 0; index < chunkCount; index++) {
  const last = index === chunkCount - 1;
  events.push(Buffer.from(chunk(index, last ? '' : ` token${index}`, last ? 'stop' : null)));
}
events.push(Buffer.from('data: [DONE]\n\n'));

const jsonHeaders = {
  'content-type': 'application/json',
  'content-length': String(completion.length),
  'x-portkey-trace-id': 'bench-trace',
  'x-portkey-cache-status': 'MISS',
  'x-portkey-retry-attempt-count': '0',
  'x-portkey-last-used-option-index': 'config',
  'x-request-id': 'bench-request',
};
const streamHeaders = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache',
  'x-portkey-trace-id': 'bench-trace',
  'x-portkey-cache-status': 'MISS',
  'x-request-id': 'bench-request',
};

const server = createServer((request, response) => {
  const parts = [];
  request.on('data', (part) => parts.push(part));
  request.on('end', () => {
    const streamed = Buffer.concat(parts).includes('"stream":true');
    if (!streamed) {
      response.writeHead(200, jsonHeaders);
      response.end(completion);
      return;
    }
    response.writeHead(200, streamHeaders);
    for (const event of events) response.write(event);
    response.end();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  parentPort.postMessage(server.address().port);
});
parentPort.on('message', (message) => {
  if (message === 'stop') {
    server.closeAllConnections();
    server.close(() => parentPort.close());
  }
});
