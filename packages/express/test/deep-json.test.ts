import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChatServer,
  type EmulatedChatServer,
  serverClient,
  startChatServer,
  startEmulatedChatServer,
} from './chat-server.js';

let ownReading: EmulatedChatServer;
let parsedByExpress: ChatServer;

beforeAll(async () => {
  ownReading = await startEmulatedChatServer({ defaultModel: 'gpt-4o-mini' });
  parsedByExpress = await startChatServer(
    { client: serverClient(ownReading.emulator), defaultModel: 'gpt-4o-mini' },
    (app) => app.use(express.json({ limit: '1mb' })),
  );
});

afterAll(async () => {
  await parsedByExpress.close();
  await ownReading.close();
});

/** Arrays nested `levels` deep: `[[[…]]]`. */
function nested(levels: number): string {
  return `${'['.repeat(levels)}${']'.repeat(levels)}`;
}

const user = '{"role":"user","content":"Hi"}';

/** Bodies that carry `deep` JSON in the places a browser controls. */
const places: Array<[string, (deep: string) => string]> = [
  ['an extra message field', (deep) => `{"messages":[{"role":"user","content":"Hi","x":${deep}}]}`],
  [
    "a tool's parameters",
    (deep) =>
      `{"messages":[${user}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"a":${deep}}}}}]}`,
  ],
  [
    'a response_format schema',
    (deep) =>
      `{"messages":[${user}],"response_format":{"type":"json_schema","json_schema":{"name":"s","schema":${deep}}}}`,
  ],
];

const cases = places.flatMap(([place, body]) =>
  [5_000, 100_000].map((levels) => [place, levels, body(nested(levels))] as const),
);

function post(origin: string, body: string): Promise<Response> {
  return fetch(`${origin}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
}

async function expectDepthRefusal(response: Response): Promise<void> {
  expect(response.status).toBe(400);
  const answer = (await response.json()) as { error: { code: string; message: string } };
  expect(answer.error.code).toBe('json_too_deep');
  expect(answer.error.message).toContain('64 levels');
}

describe('deeply nested JSON is refused with 400, naming the limit', () => {
  it.each(cases)('in %s, %i levels deep, read by the endpoint', async (_place, _levels, body) => {
    await expectDepthRefusal(await post(ownReading.origin, body));
  });

  it.each(cases)('in %s, %i levels deep, parsed by express.json()', async (_p, _l, body) => {
    await expectDepthRefusal(await post(parsedByExpress.origin, body));
  });

  it('a tool schema nested 20 objects deep is still answered', async () => {
    let schema = '{"type":"string"}';
    for (let level = 0; level < 20; level++) {
      schema = `{"type":"object","properties":{"inner":${schema}}}`;
    }
    const body = `{"messages":[${user}],"tools":[{"type":"function","function":{"name":"f","parameters":${schema}}}]}`;
    const response = await post(ownReading.origin, body);
    expect(response.status).toBe(200);
  });
});
