import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPortkeyHeaders } from '../../src/index.js';
import { OPTION_TABLE } from './option-table.js';

let server: Server;
let url: string;
let received: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    received.push(request.headers);
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
});

async function send(headers: Record<string, string>): Promise<IncomingHttpHeaders> {
  received = [];
  const response = await fetch(url, { method: 'POST', headers, body: '{}' });
  await response.text();
  expect(received).toHaveLength(1);
  return received[0] ?? {};
}

describe('built headers sent with fetch', () => {
  it('reach the server with every option intact', async () => {
    const options = Object.fromEntries(OPTION_TABLE.map(([option, value]) => [option, value]));
    const headers = buildPortkeyHeaders(options);
    const seen = await send(headers);
    expect(Object.keys(headers)).toHaveLength(
      new Set(OPTION_TABLE.map(([, , header]) => header)).size,
    );
    for (const [name, value] of Object.entries(headers)) {
      expect(seen[name]).toBe(value);
    }
  });

  it('carry metadata and config in any script, decoded back by the server', async () => {
    const metadata = { _user: 'Zoë 山田', mood: '🙂' };
    const config = {
      override_params: { messages: [{ role: 'system', content: 'Réponds\nen français' }] },
    };
    const seen = await send(buildPortkeyHeaders({ metadata, config }));
    expect(JSON.parse(String(seen['x-portkey-metadata']))).toEqual(metadata);
    expect(JSON.parse(String(seen['x-portkey-config']))).toEqual(config);
  });

  it('carry Latin-1 text in a plain header', async () => {
    const seen = await send(buildPortkeyHeaders({ spanName: 'café crème' }));
    expect(seen['x-portkey-span-name']).toBe('café crème');
  });

  it('would make fetch throw if the metadata JSON were not escaped', async () => {
    const unescaped = JSON.stringify({ _user: '山田' });
    await expect(
      fetch(url, { method: 'POST', headers: { 'x-portkey-metadata': unescaped } }),
    ).rejects.toThrow(TypeError);
  });
});
