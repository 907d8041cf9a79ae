import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One streamed chunk of about a kilobyte of content. */
const EVENT = `data: ${JSON.stringify({
  id: 'c',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'm',
  choices: [{ index: 0, delta: { content: 'x'.repeat(1000) }, finish_reason: null }],
})}\n\n`;

const FINAL = `data: ${JSON.stringify({
  id: 'c',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'm',
  choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
})}\n\ndata: [DONE]\n\n`;

/** An upstream that streams `eventCount` kilobyte chunks and counts how many it sent. */
export interface CountingUpstream {
  /** The API base, for a client's `baseURL`. */
  url: string;
  /** The chunks sent so far (the socket took them). */
  readonly sent: number;
  readonly eventCount: number;
  /** The size of one streamed chunk's event, in bytes. */
  readonly eventBytes: number;
  close(): Promise<void>;
}

/**
 * The emulator's answers are short; this stand-in streams megabytes, honouring its own
 * socket's backpressure, so that how far it got shows whether the reader held it back.
 */
export async function startCountingUpstream(eventCount: number): Promise<CountingUpstream> {
  let sent = 0;
  const server = createServer(async (request, response) => {
    for await (const _piece of request) {
      // The request body is not needed.
    }
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    for (let index = 0; index < eventCount && !response.destroyed; index++) {
      sent++;
      if (!response.write(EVENT)) await once(response, 'drain');
    }
    response.end(FINAL);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    get sent() {
      return sent;
    },
    eventCount,
    eventBytes: Buffer.byteLength(EVENT),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
