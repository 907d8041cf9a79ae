import { describe, expect, it } from 'vitest';
import { APIError } from '../../src/errors/index.js';
import { toErrorResponse } from '../../src/server/index.js';

const TRACE = 'trace-42';

function upstreamError(status: number | undefined, body: unknown): APIError {
  return APIError.generate(status, body, undefined, undefined, TRACE);
}

function openAIBody(message: string, extra: Record<string, unknown> = {}) {
  return { error: { message, type: 'invalid_request_error', param: null, code: null, ...extra } };
}

describe('what the browser is told of an upstream error', () => {
  it.each([
    [401, "The upstream rejected the server's credentials (trace id trace-42)."],
    [403, "The upstream did not allow the server's credentials this call (trace id trace-42)."],
    [404, 'The upstream did not find the model, route or config asked for (trace id trace-42).'],
    [412, "The budget of the server's upstream key is exhausted (trace id trace-42)."],
    [446, 'A guardrail of the upstream denied the request (trace id trace-42).'],
    [500, 'The upstream failed with status 500 (trace id trace-42).'],
    [503, 'The upstream failed with status 503 (trace id trace-42).'],
    [409, 'The upstream refused the request with status 409 (trace id trace-42).'],
  ])(
    'a %i keeps its status and gets our message instead of the upstream one',
    (status, message) => {
      const answer = toErrorResponse(upstreamError(status, openAIBody('key sk-live-123 is wrong')));
      expect(answer.status).toBe(status);
      expect(answer.body.error.message).toBe(message);
      expect(answer.body.error.param).toBeNull();
    },
  );

  it.each([400, 422, 429])("a %i keeps the upstream's message, type, param and code", (status) => {
    const body = openAIBody('messages[0].content is too long', {
      param: 'messages[0].content',
      code: 'string_above_max_length',
    });
    expect(toErrorResponse(upstreamError(status, body))).toEqual({
      status,
      body: {
        error: {
          message: 'messages[0].content is too long',
          type: 'invalid_request_error',
          param: 'messages[0].content',
          code: 'string_above_max_length',
        },
      },
    });
  });

  it('a 429 whose body is text gets our message, not the text', () => {
    const answer = toErrorResponse(upstreamError(429, 'slow down, key sk-live-123'));
    expect(answer.status).toBe(429);
    expect(answer.body.error.message).toBe(
      'The upstream answered with status 429 and a body that is not JSON (trace id trace-42).',
    );
  });

  it('a 200 whose body is not JSON becomes a 502 with a generic message', () => {
    const error = new APIError(200, '<html>proxy</html>', 'not JSON', undefined, TRACE);
    expect(toErrorResponse(error)).toEqual({
      status: 502,
      body: {
        error: {
          message: 'The upstream answered with a body that is not JSON (trace id trace-42).',
          type: 'api_error',
          param: null,
          code: null,
        },
      },
    });
    expect(toErrorResponse(error, { upstreamErrors: 'forward' }).status).toBe(502);
    expect(toErrorResponse(error, { upstreamErrors: 'forward' }).body.error.message).not.toContain(
      'proxy',
    );
  });

  it('an error event inside a stream becomes a 502 in our words', () => {
    const answer = toErrorResponse(upstreamError(undefined, openAIBody('boom', { debug: 1 })));
    expect(answer.status).toBe(502);
    expect(answer.body.error.message).toBe(
      'The upstream reported an error during the answer (trace id trace-42).',
    );
  });

  it('an upstream type or code that is not a plain identifier is not passed on', () => {
    const body = openAIBody('no', { type: 'bad key sk-live-123', code: 'key sk-live-123' });
    const answer = toErrorResponse(upstreamError(401, body));
    expect(answer.body.error.type).toBe('authentication_error');
    expect(answer.body.error.code).toBeNull();
  });

  it("with upstreamErrors: 'forward', the messages the default replaces are passed on", () => {
    const forward = { upstreamErrors: 'forward' } as const;
    expect(
      toErrorResponse(upstreamError(401, openAIBody('wrong key'))).body.error.message,
    ).not.toBe('wrong key');
    expect(
      toErrorResponse(upstreamError(401, openAIBody('wrong key')), forward).body.error,
    ).toEqual({ message: 'wrong key', type: 'invalid_request_error', param: null, code: null });
    expect(
      toErrorResponse(upstreamError(503, 'down for maintenance'), forward).body.error.message,
    ).toBe('down for maintenance');
    expect(
      toErrorResponse(upstreamError(undefined, openAIBody('boom')), forward).body.error.message,
    ).toBe('boom');
  });
});
