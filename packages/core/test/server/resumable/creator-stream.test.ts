import { afterEach, describe, expect, it } from 'vitest';
import { type ChatwireClient, createClient } from '../../../src/client/index.js';
import {
  type ChatFinishInfo,
  createChatCompletionsFetchHandler,
  MemoryTurnStore,
} from '../../../src/server/index.js';
import { decodeSSE, type ServerSentEvent } from '../../../src/sse/index.js';
import { chunkEvent } from '../../support/fixtures.js';
import { sendStream } from '../../support/responses.js';
import { startServer, type TestServer } from '../../support/test-server.js';

const PIECES = Array.from({ length: 2_000 }, (_, index) => `piece ${index} `.padEnd(100, '.'));

let upstream: TestServer | undefined;
let client: ChatwireClient | undefined;
let store: MemoryTurnStore | undefined;

afterEach(async () => {
  await client?.close();
  await store?.close();
  upstream?.close();
});

/** A fetch handler with a memory turn store, before an upstream that streams {@link PIECES}. */
async function turnEndpoint(onFinish: (info: ChatFinishInfo<Request, unknown>) => void) {
  upstream = await startServer((_, response) =>
    sendStream(response, [...PIECES.map((piece) => chunkEvent(piece)), 'data: [DONE]\n\n']),
  );
  client = createClient({ apiKey: 'pk-test', baseURL: upstream.baseURL, maxRetries: 0 });
  store = new MemoryTurnStore();
  return createChatCompletionsFetchHandler({
    client,
    defaultModel: 'm1',
    turnStore: store,
    onFinish,
  });
}

async function readAll(response: Response): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of decodeSSE(response.body!)) events.push(event);
  return events;
}

function textOf(events: readonly ServerSentEvent[]): string {
  return events
    .filter(({ data }) => data !== '[DONE]')
    .map(({ data }) => JSON.parse(data).choices[0]?.delta.content ?? '')
    .join('');
}

describe('the answer of the client that created a turn', () => {
  it('reaches a client that read nothing until the turn ended whole, every event once and in order, as a resume from the start reads it', async () => {
    let finished!: () => void;
    const turnEnded = new Promise<void>((resolve) => {
      finished = resolve;
    });
    const handle = await turnEndpoint(() => finished());
    const created = await handle(
      new Request('http://localhost/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'slow-reader' },
        body: JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }], stream: true }),
      }),
    );
    // The answer (about 300 KB) is far past what is held for a reader that does not read.
    await turnEnded;
    const events = await readAll(created);

    expect(events.map(({ id }) => id)).toEqual(events.map((_, index) => String(index + 1)));
    expect(textOf(events)).toBe(PIECES.join(''));
    expect(events.at(-1)?.data).toBe('[DONE]');
    const turnId = created.headers.get('x-chatwire-turn-id');
    const cookie = created.headers.get('set-cookie')?.split(';')[0] ?? '';
    const resumed = await handle(
      new Request(`http://localhost/api/chat?turn=${turnId}`, { headers: { cookie } }),
    );
    expect(await readAll(resumed)).toEqual(events);
  });
});
