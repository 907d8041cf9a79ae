import { InvalidOptionError } from '../errors/chatwire-error.js';
import type { PortkeyOptions } from '../headers/index.js';
import type { ChatCompletionStream } from '../stream/index.js';
import type { ChatCompletionCreateParams } from '../types/index.js';
import type { ChatCompletions, ChatwireClient } from './chatwire-client.js';
import {
  type ClientOptions,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
} from './client-options.js';
import { isBrowser, readEnv } from './environment.js';
import { RequestHeaders } from './request-headers.js';
import type { RequestOptions } from './request-options.js';
import type { ChatCompletionWithMeta } from './response-meta.js';
import { sendRequest } from './send-request.js';
import type { Transport } from './transport.js';
import type { FetchLike } from './transport-fetch.js';

function checkCount(option: string, value: number | undefined, integer: boolean): void {
  if (value === undefined) return;
  if (
    typeof value !== 'number' ||
    Number.isNaN(value) ||
    value < 0 ||
    (integer && !Number.isInteger(value))
  ) {
    throw new InvalidOptionError(
      option,
      `${option} must be ${integer ? 'a whole number' : 'a number'} of at least 0; got ${String(value)}.`,
    );
  }
}

function checkBrowserSecrets(portkey: PortkeyOptions, allowed: boolean | undefined): void {
  if (allowed === true || !isBrowser()) return;
  const secret = portkey.apiKey ? 'apiKey' : portkey.authorization ? 'authorization' : undefined;
  if (secret === undefined) return;
  throw new InvalidOptionError(
    'dangerouslyAllowBrowser',
    `Refusing to use an ${secret} in a browser, where every visitor can read it. Keep the key on your server and call it from the page (e.g. @chatwire/react with @chatwire/express), or pass dangerouslyAllowBrowser: true if you accept the risk.`,
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
 * Builds a client over the transport `makeTransport` returns (or over `fetch` when the options
 * name one). Shared by the Node and the browser entry points.
 */
export function buildClient(
  options: ClientOptions,
  makeTransport: (fetch: FetchLike | undefined) => Transport,
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
  checkCount('timeout', timeout, false);
  checkCount('maxRetries', maxRetries, true);
  checkBrowserSecrets(portkey, dangerouslyAllowBrowser);
  if (portkey.apiKey === undefined) {
    const apiKey = readEnv('PORTKEY_API_KEY');
    if (apiKey !== undefined) portkey.apiKey = apiKey;
  }
  const baseURL = trimBaseURL(givenBaseURL ?? readEnv('PORTKEY_BASE_URL') ?? DEFAULT_BASE_URL);
  const url = `${baseURL}/chat/completions`;
  const headers = new RequestHeaders(Object.freeze(portkey), defaultHeaders);
  const transport = makeTransport(fetch);

  function create(
    body: ChatCompletionCreateParams,
    requestOptions?: RequestOptions,
  ): Promise<ChatCompletionWithMeta | ChatCompletionStream> {
    let callTimeout = timeout;
    let callRetries = maxRetries;
    let signal: AbortSignal | undefined;
    let portkeyOverrides: PortkeyOptions | undefined;
    let extraHeaders: RequestOptions['headers'];
    if (requestOptions !== undefined) {
      const { signal: given, timeout: t, maxRetries: r, headers: h, ...rest } = requestOptions;
      checkCount('timeout', t, false);
      checkCount('maxRetries', r, true);
      if (t !== undefined) callTimeout = t;
      if (r !== undefined) callRetries = r;
      signal = given ?? undefined;
      extraHeaders = h;
      if (hasKeys(rest)) portkeyOverrides = rest;
    }
    const streaming = body.stream === true;
    const call = headers.forCall(streaming, portkeyOverrides, extraHeaders);
    const request = {
      transport,
      baseURL,
      url,
      headers: call.headers,
      traceId: call.traceId,
      body: JSON.stringify(body),
      timeout: callTimeout,
      maxRetries: callRetries,
      signal,
    };
    return streaming ? sendRequest(request, true) : sendRequest(request, false);
  }

  // Frameworks close clients on shutdown even when the application already did: the second
  // close must not throw.
  let closing: Promise<void> | undefined;
  return {
    chat: { completions: { create } as ChatCompletions },
    baseURL,
    close: () => {
      closing ??= transport.close().then(() => undefined);
      return closing;
    },
  };
}
