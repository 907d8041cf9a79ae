import { InvalidOptionError } from '../errors/chatwire-error.js';
import type { PortkeyOptions } from '../headers/index.js';
import type { ChatCompletionStream } from '../stream/index.js';
import { createParse } from '../structured/create-parse.js';
import type { ChatCompletionCreateParams } from '../types/index.js';
import type { ChatCompletions, ChatwireClient } from './chatwire-client.js';
import {
  type ClientOptions,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
} from './client-options.js';
import { isBrowser, readEnv } from './environment.js';
import { type CallHeaders, RequestHeaders } from './request-headers.js';
import type { RequestOptions } from './request-options.js';
import type { ChatCompletionWithMeta } from './response-meta.js';
import { sendRequest } from './send-request.js';
import type { ClientTelemetry } from './telemetry/client-telemetry.js';
import type { TraceContextReader } from './tracing/active-trace-context.js';
import type { Transport } from './transport.js';
import type { FetchLike } from './transport-fetch.js';

function checkRetries(value: number | undefined): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidOptionError(
      'maxRetries',
      `maxRetries must be a whole number of at least 0; got ${String(value)}.`,
    );
  }
}

// A zero timeout would fail every attempt before it is sent, so it is refused rather than read
// as "no timeout" (as in openai-node, where 0 aborts at once); a very large one means none.
function checkTimeout(value: number | undefined): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw new InvalidOptionError(
      'timeout',
      `timeout must be a positive number of milliseconds; got ${String(value)}.`,
    );
  }
}

const SECRET_HEADERS = ['x-portkey-api-key', 'authorization'] as const;

/** The first credential among the options and headers, or `undefined` when there is none. */
function findSecret(
  portkey: PortkeyOptions | undefined,
  headersOption: string,
  headers: Record<string, string | null | undefined> | null | undefined,
): string | undefined {
  if (portkey?.apiKey) return 'apiKey';
  if (portkey?.authorization) return 'authorization';
  if (headers === undefined || headers === null) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (value && (SECRET_HEADERS as readonly string[]).includes(lower)) {
      return `${lower} header (in ${headersOption})`;
    }
  }
  return undefined;
}

function refuseBrowserSecret(secret: string | undefined, allowed: boolean | undefined): void {
  if (secret === undefined || allowed === true || !isBrowser()) return;
  throw new InvalidOptionError(
    'dangerouslyAllowBrowser',
    `Refusing to send an ${secret} from a browser, where every visitor can read it. Keep the key on your server and call it from the page (e.g. @chatwire/react with @chatwire/express), or pass dangerouslyAllowBrowser: true to createClient if you accept the risk.`,
  );
}

function trimBaseURL(baseURL: string): string {
  let end = baseURL.length;
  while (end > 0 && baseURL[end - 1] === '/') end--;
  const trimmed = baseURL.slice(0, end);
  try {
    new URL(trimmed);
  } catch {
    throw new InvalidOptionError(
      'baseURL',
      `baseURL must be an absolute URL; got ${JSON.stringify(baseURL)}.`,
    );
  }
  return trimmed;
}

function hasKeys(record: object): boolean {
  for (const _ in record) return true;
  return false;
}

/**
 * Builds a client over the transport `makeTransport` returns for the client's endpoint URL (or
 * over `fetch` when the options name one). Shared by the Node and the browser entry points;
 * `activeTrace` places calls inside the caller's active span where the entry can read one, and
 * `makeTelemetry` records each call where the entry has OpenTelemetry.
 */
export function buildClient(
  options: ClientOptions,
  makeTransport: (url: string, fetch: FetchLike | undefined) => Transport,
  activeTrace?: TraceContextReader,
  makeTelemetry?: (baseURL: string) => ClientTelemetry | undefined,
): ChatwireClient {
  const {
    baseURL: givenBaseURL,
    timeout = DEFAULT_TIMEOUT_MS,
    maxRetries = DEFAULT_MAX_RETRIES,
    fetch,
    defaultHeaders,
    dangerouslyAllowBrowser,
    ...portkey
  } = options;
  checkTimeout(timeout);
  checkRetries(maxRetries);
  refuseBrowserSecret(
    findSecret(portkey, 'defaultHeaders', defaultHeaders),
    dangerouslyAllowBrowser,
  );
  if (portkey.apiKey === undefined) {
    const apiKey = readEnv('PORTKEY_API_KEY');
    if (apiKey !== undefined) portkey.apiKey = apiKey;
  }
  const baseURL = trimBaseURL(givenBaseURL ?? readEnv('PORTKEY_BASE_URL') ?? DEFAULT_BASE_URL);
  const headers = new RequestHeaders(Object.freeze(portkey), defaultHeaders, activeTrace);
  const transport = makeTransport(`${baseURL}/chat/completions`, fetch);
  const telemetry = makeTelemetry?.(baseURL);

  function create(
    body: ChatCompletionCreateParams,
    requestOptions?: RequestOptions,
  ): Promise<ChatCompletionWithMeta | ChatCompletionStream> {
    try {
      return send(body, requestOptions);
    } catch (error) {
      // A refused option fails the call the way a refused request does: as a rejection.
      return Promise.reject(error);
    }
  }

  function send(
    body: ChatCompletionCreateParams,
    requestOptions: RequestOptions | undefined,
  ): Promise<ChatCompletionWithMeta | ChatCompletionStream> {
    let callTimeout = timeout;
    let callRetries = maxRetries;
    let callIdleTimeout: number | undefined;
    let signal: AbortSignal | undefined;
    let portkeyOverrides: PortkeyOptions | undefined;
    let extraHeaders: RequestOptions['headers'];
    if (requestOptions !== undefined) {
      const {
        signal: given,
        timeout: t,
        idleTimeout: idle,
        maxRetries: r,
        headers: h,
        ...rest
      } = requestOptions;
      checkTimeout(t);
      checkTimeout(idle);
      callIdleTimeout = idle;
      checkRetries(r);
      refuseBrowserSecret(findSecret(rest, 'headers', h), dangerouslyAllowBrowser);
      if (t !== undefined) callTimeout = t;
      if (r !== undefined) callRetries = r;
      signal = given ?? undefined;
      extraHeaders = h;
      if (hasKeys(rest)) portkeyOverrides = rest;
    }
    const streaming = body.stream === true;
    const record = telemetry?.start(body);
    let call: CallHeaders;
    try {
      call = headers.forCall(streaming, portkeyOverrides, extraHeaders, record?.spanContext);
    } catch (error) {
      record?.failed(error);
      throw error;
    }
    record?.sending(call.headers);
    const request = {
      transport,
      baseURL,
      headers: call.headers,
      traceId: call.traceId,
      body: JSON.stringify(body),
      timeout: callTimeout,
      idleTimeout: callIdleTimeout ?? callTimeout,
      maxRetries: callRetries,
      signal,
      observer: record,
    };
    const answer: Promise<ChatCompletionWithMeta | ChatCompletionStream> = streaming
      ? sendRequest(request, true)
      : sendRequest(request, false);
    return record === undefined ? answer : record.watch(answer, streaming);
  }

  // Frameworks close clients on shutdown even when the application already did: the second
  // close must not throw.
  let closing: Promise<void> | undefined;
  return {
    chat: {
      completions: {
        create,
        parse: createParse(create as ChatCompletions['create']),
      } as ChatCompletions,
    },
    baseURL,
    close: () => {
      closing ??= transport.close().then(() => undefined);
      return closing;
    },
  };
}
