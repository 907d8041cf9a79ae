import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readBody } from './body-reader.js';
import { handleChatCompletions } from './chat-completions-route.js';
import { openAIError } from './error-bodies.js';
import {
  type HttpContext,
  type ServerSettings,
  type ServerState,
  sendJson,
} from './http-context.js';
import { handleModels } from './models-route.js';
import type { RecordedRequest, RequestLog } from './request-log.js';
import { sendMethodNotAllowed, sendNotFound } from './route-errors.js';

type Handler = (ctx: HttpContext) => void | Promise<void>;

const ROUTES: Record<string, Record<string, Handler>> = {
  '/v1/chat/completions': { POST: handleChatCompletions },
  '/v1/models': { GET: handleModels },
};

function lowercaseHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined)
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function watchClose(
  req: IncomingMessage,
  res: ServerResponse,
  record: RecordedRequest,
  log: RequestLog,
  dropped: () => boolean,
): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    record.closedAt = Date.now();
    record.aborted = !res.writableFinished && !dropped();
    record.status = res.headersSent ? res.statusCode : record.status;
    controller.abort();
    log.changed();
  });
  // readBody listens for 'error' only while it reads. A client that resets the connection at
  // any other time (say, mid-stream) makes the request emit 'error', which would crash the
  // process with no listener; the 'close' listener above already records it as an abort.
  req.once('error', () => undefined);
  return controller.signal;
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  settings: ServerSettings,
  state: ServerState,
  log: RequestLog,
): Promise<void> {
  const url = req.url ?? '/';
  const path = url.split('?')[0] ?? '/';
  const headers = lowercaseHeaders(req);
  const record = log.open({ method: req.method ?? 'GET', path, url, headers });
  let dropped = false;
  const signal = watchClose(req, res, record, log, () => dropped);
  const bodyResult = await readBody(req, settings.maxBodyBytes);
  const ctx: HttpContext = {
    req,
    res,
    record,
    headers,
    body: bodyResult.ok ? bodyResult.text : '',
    settings,
    state,
    signal,
    dropConnection() {
      dropped = true;
      req.socket.destroy();
    },
  };
  if (!bodyResult.ok) {
    if (bodyResult.reason === 'too-large') {
      record.body = bodyResult.partial;
      res.shouldKeepAlive = false;
      const message = `Request body too large: the limit is ${settings.maxBodyBytes} bytes.`;
      sendJson(ctx, 413, openAIError(message, 'invalid_request_error', null, 'request_too_large'), {
        connection: 'close',
      });
      res.once('finish', () => req.socket.destroySoon());
    }
    return;
  }
  record.body = bodyResult.text;
  record.json = parseJson(bodyResult.text);
  log.changed();
  const method = req.method ?? 'GET';
  const route = ROUTES[path];
  if (!route) return sendNotFound(ctx, method, path);
  const handler = route[method];
  if (!handler) return sendMethodNotAllowed(ctx, method, path, Object.keys(route));
  await handler(ctx);
}

/** Creates the emulator's HTTP server; it never throws on input, answering 500 if a handler fails. */
export function createEmulatorServer(
  settings: ServerSettings,
  state: ServerState,
  log: RequestLog,
): Server {
  return createServer((req, res) => {
    handle(req, res, settings, state, log).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(openAIError(`The emulator failed: ${message}`, 'server_error')));
      } else {
        res.destroy();
      }
    });
  });
}
