import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The credentials a test configures, each a canary: none may reach a browser, a hook or a
 * serialised error, whatever the upstream echoes.
 */
export const CANARIES = {
  apiKey: 'pk-canary-api-key-0001',
  providerToken: 'sk-canary-provider-0002',
  virtualKey: 'vk-canary-virtual-0003',
  configKey: 'sk-canary-config-0004',
} as const;

/** The canaries as they are passed in client and request options. */
export const CANARY_OPTIONS = {
  apiKey: CANARIES.apiKey,
  virtualKey: CANARIES.virtualKey,
  authorization: `Bearer ${CANARIES.providerToken}`,
  config: { provider: 'openai', api_key: CANARIES.configKey },
} as const;

/** The canaries found in `text`: empty when none leaked. */
export function canariesIn(text: string): string[] {
  return Object.values(CANARIES).filter((canary) => text.includes(canary));
}

/**
 * The answers of the echoing upstream, picked by the content of the request's last message.
 * Every one of them echoes the request's headers, in the body and in a response header, except
 * `stream`, whose body is the answer itself.
 */
export const ECHO_ANSWERS = [
  'json-401',
  'json-400',
  'json-429',
  'json-500',
  'text-error',
  'text-200',
  'stream-error-event',
  'stream',
] as const;

/** One of {@link ECHO_ANSWERS}. */
export type EchoAnswer = (typeof ECHO_ANSWERS)[number];

/** An upstream on loopback that echoes every request header into what it answers. */
export interface EchoingUpstream {
  /** The base URL to configure a client with, ending in `/v1`. */
  baseURL: string;
  /** The headers of every request received, so a test can check the canaries were sent. */
  received: IncomingHttpHeaders[];
  close(): Promise<void>;
}

function apiKeyOf(headers: IncomingHttpHeaders): string {
  return String(headers['x-portkey-api-key'] ?? '');
}

function jsonError(
  response: ServerResponse,
  status: number,
  headers: IncomingHttpHeaders,
  fields: { message: string; type: string; param?: string },
): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({
      error: { param: null, code: null, ...fields },
      debug: { headers },
    }),
  );
}

const chunk = (content: string, finish: string | null): string =>
  `data: ${JSON.stringify({
    id: 'chatcmpl-echo',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'echo-model',
    choices: [{ index: 0, delta: { content }, finish_reason: finish }],
  })}\n\n`;

function answer(kind: string, headers: IncomingHttpHeaders, response: ServerResponse): void {
  const echoed = JSON.stringify(headers);
  response.setHeader('x-echoed-request-headers', echoed);
  switch (kind as EchoAnswer) {
    case 'json-401':
      jsonError(response, 401, headers, {
        message: `Incorrect API key provided: ${apiKeyOf(headers)}`,
        type: 'authentication_error',
      });
      break;
    case 'json-400':
      jsonError(response, 400, headers, {
        message: `Invalid value for 'messages' in a request with the headers ${echoed}`,
        type: 'invalid_request_error',
        param: 'messages',
      });
      break;
    case 'json-429':
      jsonError(response, 429, headers, {
        message: `Rate limit reached for the key ${apiKeyOf(headers)}`,
        type: 'rate_limit_error',
      });
      break;
    case 'json-500':
      jsonError(response, 500, headers, {
        message: `The provider failed with the headers ${echoed}`,
        type: 'api_error',
      });
      break;
    case 'text-error':
      response.writeHead(503, { 'content-type': 'text/plain' });
      response.end(`Service unavailable for ${echoed}`);
      break;
    case 'text-200':
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(`Hello from a proxy that got ${echoed}`);
      break;
    case 'stream-error-event':
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(chunk('Par', null));
      response.end(
        `event: error\ndata: ${JSON.stringify({
          error: {
            message: `The provider failed for the key ${apiKeyOf(headers)}`,
            type: 'api_error',
            code: null,
          },
          debug: { headers },
        })}\n\n`,
      );
      break;
    case 'stream':
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(chunk('Paris', null));
      response.write(chunk('', 'stop'));
      response.end('data: [DONE]\n\n');
      break;
    default:
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end(`No such answer: ${kind}`);
  }
}

/** The content of the last message of a chat completions request body. */
function lastMessageOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { messages?: Array<{ content?: unknown }> };
    return String(parsed.messages?.at(-1)?.content ?? '');
  } catch {
    return '';
  }
}

/**
 * Starts an upstream on 127.0.0.1 that answers each request as its last message names (one
 * of {@link ECHO_ANSWERS}), echoing the request's headers, credentials and all, as a careless
 * or hostile gateway would.
 */
export async function startEchoingUpstream(): Promise<EchoingUpstream> {
  const received: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      received.push(request.headers);
      answer(lastMessageOf(Buffer.concat(parts).toString('utf8')), request.headers, response);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    received,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** All a browser receives of an answer, as one text: status line, headers and body bytes. */
export async function everythingTheBrowserGets(response: Response): Promise<string> {
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  return `${response.status}\n${headers}\n\n${await response.text()}`;
}
