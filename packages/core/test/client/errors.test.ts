import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  BudgetExceededError,
  ChatwireError,
  ConflictError,
  createClient,
  GuardrailDeniedError,
  InternalServerError,
  InvalidOptionError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../src/index.js';
import { request } from '../support/fixtures.js';
import { sendJSON } from '../support/responses.js';
import { closeWhenTestEnds } from '../support/test-lifetime.js';
import { startServer, type TestServer } from '../support/test-server.js';

let server: TestServer | undefined;

/** The error a call fails with; fails the test if the call succeeds. */
async function rejection(call: Promise<unknown>): Promise<APIError> {
  try {
    await call;
  } catch (error) {
    return error as APIError;
  }
  throw new Error('the call succeeded');
}

async function failWith(status: number, body: unknown, headers: Record<string, string> = {}) {
  server = await startServer((_, response) => sendJSON(response, status, body, headers));
  const client = closeWhenTestEnds(
    createClient({ baseURL: server.baseURL, apiKey: 'pk-test', maxRetries: 0 }),
  );
  return rejection(client.chat.completions.create(request));
}

describe('API errors', () => {
  it.each([
    [400, BadRequestError, /request body/],
    [401, AuthenticationError, /PORTKEY_API_KEY or the apiKey option/],
    [403, PermissionDeniedError, /permission/],
    [404, NotFoundError, /baseURL/],
    [409, ConflictError, /retry/],
    [412, BudgetExceededError, /budget/],
    [422, UnprocessableEntityError, /request body/],
    [429, RateLimitError, /retry-after/],
    [446, GuardrailDeniedError, /guardrail/],
    [500, InternalServerError, /retry later/],
    [418, APIError, /^418 teapot$/],
  ])('maps %i to its class with a message saying what to do', async (status, ErrorClass, hint) => {
    const error = await failWith(
      status,
      { error: { message: 'teapot', type: 'kind', code: 'c1', param: 'p' } },
      {
        'x-request-id': 'req-1',
        'x-portkey-trace-id': 'trace-1',
      },
    );
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(ChatwireError);
    expect(error.message).toMatch(/^\d{3} teapot/);
    expect(error.message).toMatch(hint);
    expect(error).toMatchObject({
      status,
      code: 'c1',
      type: 'kind',
      param: 'p',
      requestID: 'req-1',
      traceID: 'trace-1',
    });
    expect(error.headers?.get('x-request-id')).toBe('req-1');
    expect(error.error).toEqual({
      error: { message: 'teapot', type: 'kind', code: 'c1', param: 'p' },
    });
  });

  it("reads the gateway's own {status: 'failure', message} body", async () => {
    const error = await failWith(400, { status: 'failure', message: 'Invalid config id' });
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toContain('400 Invalid config id');
  });

  it('keeps a body that is not JSON as text, and names the status when there is no body', async () => {
    server = await startServer((_, response, index) => {
      response.writeHead(index === 0 ? 502 : 503, { 'content-type': 'text/plain' });
      response.end(index === 0 ? 'Bad gateway from nginx' : undefined);
    });
    const client = closeWhenTestEnds(
      createClient({ baseURL: server.baseURL, apiKey: 'pk-test', maxRetries: 0 }),
    );
    const text = await rejection(client.chat.completions.create(request));
    expect(text.error).toBe('Bad gateway from nginx');
    expect(text.message).toContain('502 Bad gateway from nginx');
    const empty = await rejection(client.chat.completions.create(request));
    expect(empty).toBeInstanceOf(InternalServerError);
    expect(empty.message).toContain('503 status code (no body)');
    expect(empty.error).toBeUndefined();
  });

  it('says a JSON error body holds no message, and quotes the start of it', async () => {
    const detail = 'x'.repeat(500);
    const error = await failWith(500, { status: 'error', detail });
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toMatch(/^500 status code \(no message in the body: \{"status":"error"/);
    expect(error.message).not.toContain('(no body)');
    const snippet = /no message in the body: (.*)\)/.exec(error.message)?.[1] ?? '';
    expect(snippet.length).toBeLessThanOrEqual(200);
    expect(snippet.length).toBeGreaterThan(100);
  });

  it('falls back to the trace id it sent when the answer carries none', async () => {
    const error = await failWith(401, { error: { message: 'bad key' } });
    expect(error.traceID).toBe(server?.requests[0]?.headers['x-portkey-trace-id']);
  });

  it('refuses a 200 whose body is not a JSON object, pointing at baseURL', async () => {
    server = await startServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>login</html>');
    });
    const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
    const error = await rejection(client.chat.completions.create(request));
    expect(error).toBeInstanceOf(APIError);
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/not a JSON object.*baseURL/);
  });

  it('builds connection, timeout and abort errors without a status', () => {
    const connection = new APIConnectionError({ cause: new Error('ECONNREFUSED'), traceID: 't' });
    const timeout = new APIConnectionTimeoutError();
    const abort = new APIUserAbortError();
    expect(connection.status).toBeUndefined();
    expect(connection.traceID).toBe('t');
    expect(connection.message).toMatch(/baseURL/);
    expect(timeout).toBeInstanceOf(APIConnectionError);
    expect(timeout.message).toMatch(/timeout option/);
    expect(abort).toBeInstanceOf(APIError);
    expect(abort).not.toBeInstanceOf(APIConnectionError);
  });

  it('generates a plain APIError for an error without a status (inside a stream)', () => {
    const error = APIError.generate(
      undefined,
      { error: { message: 'upstream died', code: 'x' } },
      undefined,
      undefined,
    );
    expect(error.constructor).toBe(APIError);
    expect(error.message).toBe('upstream died');
    expect(error.code).toBe('x');
  });
});

describe('option errors', () => {
  it('refuses a negative timeout, a fractional maxRetries and a relative baseURL', () => {
    expect(() => createClient({ timeout: -1 })).toThrow(InvalidOptionError);
    expect(() => createClient({ timeout: Number.NaN })).toThrow(InvalidOptionError);
    expect(() => createClient({ maxRetries: 1.5 })).toThrow(InvalidOptionError);
    expect(() => createClient({ baseURL: '/v1' })).toThrow(/absolute URL/);
  });

  it('refuses header values that could inject headers, at construction', () => {
    expect(() => createClient({ apiKey: 'pk\r\nx-evil: 1' })).toThrow(InvalidOptionError);
  });

  it('refuses a zero timeout, for the client and for one call, sending nothing', async () => {
    expect(() => createClient({ timeout: 0 })).toThrow(/timeout must be a positive number/);
    server = await startServer((_, response) => sendJSON(response, 200, {}));
    const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
    const failure = client.chat.completions.create(request, { timeout: 0 });
    await expect(failure).rejects.toBeInstanceOf(InvalidOptionError);
    await expect(failure).rejects.toMatchObject({ option: 'timeout' });
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['a CRLF', 'v\r\nx-evil: 1'],
    ['a NUL', 'v\u0000'],
    ['a character beyond U+00FF', 'caf\u00e9 \u2603'],
  ])(
    "refuses %s in defaultHeaders and in a call's headers, naming the header",
    async (_, value) => {
      server = await startServer((_, response) => sendJSON(response, 200, {}));
      expect(() =>
        createClient({ baseURL: server?.baseURL, defaultHeaders: { 'x-team': value } }),
      ).toThrow(/Header "x-team" in defaultHeaders/);
      const client = closeWhenTestEnds(
        createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }),
      );
      const error = await rejection(
        client.chat.completions.create(request, { headers: { 'X-Team': value } }),
      );
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect((error as unknown as InvalidOptionError).option).toBe('headers.X-Team');
      expect(error.message).toMatch(/Header "X-Team" in headers/);
      expect(server.requests).toHaveLength(0);
    },
  );

  it('refuses a header name that is not a token', () => {
    expect(() => createClient({ defaultHeaders: { 'x team': 'v' } })).toThrow(
      /"x team" in defaultHeaders is not a header name/,
    );
  });
});
