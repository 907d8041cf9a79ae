import { once } from 'node:events';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** The model the relay fills in when the endpoint sends none, as a Portkey config would. */
export const RELAY_MODEL = 'gpt-4o-mini';

/** An emulator scenario and its `x-emulator-*` parameters, e.g. `{ 'x-emulator-delay-ms': '200' }`. */
export interface ArrangedScenario {
  name: string;
  parameters?: Record<string, string>;
}

/**
 * What the endpoint under test calls instead of the emulator itself. With the handler's default
 * options the browser can name no model and no browser header reaches the upstream, so a test
 * cannot ask the emulator for a scenario through the endpoint. The relay plays the part of the
 * server's Portkey config: it fills in the model when the body has none and, for a request whose
 * trace id a test arranged, adds the emulator's scenario headers. Everything else passes on
 * untouched, and a call the endpoint abandons is abandoned upstream too.
 */
export interface ScenarioRelay {
  /** The relay's API base, to be used as the endpoint client's `baseURL`. */
  url: string;
  /** Makes the upstream call carrying trace id `traceId` play `scenario`. */
  arrange(traceId: string, scenario: ArrangedScenario): void;
  close(): Promise<void>;
}

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function withModel(body: Buffer): Buffer {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return body;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || 'model' in json) {
    return body;
  }
  return Buffer.from(JSON.stringify({ ...json, model: RELAY_MODEL }));
}

/** Starts a relay on loopback in front of the emulator at `emulatorOrigin`. */
export async function startScenarioRelay(emulatorOrigin: string): Promise<ScenarioRelay> {
  const arranged = new Map<string, ArrangedScenario>();

  const relay = async (incoming: IncomingMessage, answer: ServerResponse): Promise<void> => {
    const body = withModel(await readAll(incoming));
    const headers: OutgoingHttpHeaders = { ...incoming.headers, 'content-length': body.length };
    // The body is sent whole, with its own length, to the emulator's host.
    delete headers.host;
    delete headers['transfer-encoding'];
    const traceId = incoming.headers['x-portkey-trace-id'];
    const scenario = typeof traceId === 'string' ? arranged.get(traceId) : undefined;
    if (scenario !== undefined) {
      Object.assign(headers, scenario.parameters, { 'x-emulator-scenario': scenario.name });
    }
    const outgoing = httpRequest(new URL(incoming.url ?? '/', emulatorOrigin), {
      method: incoming.method,
      headers,
    });
    answer.once('close', () => {
      if (!answer.writableFinished) outgoing.destroy();
    });
    outgoing.once('error', () => answer.destroy());
    outgoing.once('response', (upstream) => {
      answer.writeHead(upstream.statusCode ?? 502, upstream.headers);
      answer.flushHeaders();
      upstream.pipe(answer);
      // An upstream that breaks off mid-stream breaks the relayed answer off too, once the
      // chunks it did send are passed on (a plain destroy could drop them unsent).
      upstream.once('error', () => undefined);
      upstream.once('close', () => {
        if (!upstream.complete) answer.socket?.destroySoon();
      });
    });
    outgoing.end(body);
  };

  const server = createServer((incoming, answer) => {
    relay(incoming, answer).catch(() => answer.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    arrange: (traceId, scenario) => {
      arranged.set(traceId, scenario);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
