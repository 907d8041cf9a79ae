import { describe, expect, it } from 'vitest';
import { statusErrorResponse } from '../../src/server/index.js';

describe('statusErrorResponse', () => {
  it("keeps a framework error's status and message in the OpenAI shape", () => {
    expect(statusErrorResponse(403, 'Forbidden resource', { code: 'no_plan' })).toEqual({
      status: 403,
      body: {
        error: {
          message: 'Forbidden resource',
          type: 'permission_error',
          param: null,
          code: 'no_plan',
        },
      },
    });
  });

  it('hides the message of a server error', () => {
    const answer = statusErrorResponse(500, 'database password wrong');
    expect(answer.body.error.message).toBe('The server failed to answer the request.');
    expect(answer.body.error.type).toBe('api_error');
  });

  it("answers a body parser's refusals with the chat endpoint's codes", () => {
    const malformed = statusErrorResponse(400, 'Unexpected token', { cause: new SyntaxError('x') });
    expect(malformed.body.error.code).toBe('invalid_json');
    const large = statusErrorResponse(413, 'too large', { cause: { limit: 1024 } });
    expect(large).toMatchObject({ status: 413, body: { error: { code: 'request_too_large' } } });
    expect(large.body.error.message).toContain('1024 bytes');
  });

  it("answers Fastify's body refusals with the chat endpoint's codes and the given limit", () => {
    const fastifyError = (code: string) => Object.assign(new Error('Fastify says no'), { code });
    const malformed = statusErrorResponse(400, 'Body is not valid JSON', {
      cause: fastifyError('FST_ERR_CTP_INVALID_JSON_BODY'),
    });
    expect(malformed.body.error.code).toBe('invalid_json');
    const empty = statusErrorResponse(400, 'Body cannot be empty', {
      cause: fastifyError('FST_ERR_CTP_EMPTY_JSON_BODY'),
    });
    expect(empty.body.error.code).toBe('invalid_json');
    const large = statusErrorResponse(413, 'Request body is too large', {
      cause: fastifyError('FST_ERR_CTP_BODY_TOO_LARGE'),
      bodyLimit: 2048,
    });
    expect(large.body.error.message).toBe('The request body is larger than 2048 bytes.');
    const form = statusErrorResponse(415, 'Unsupported Media Type', {
      cause: fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE'),
    });
    expect(form).toMatchObject({
      status: 415,
      body: { error: { code: 'unsupported_media_type' } },
    });
  });

  it('keeps the message of a 415 that is not about the content type', () => {
    const charset = statusErrorResponse(415, 'unsupported charset "UTF-7"');
    expect(charset.body.error).toMatchObject({
      message: 'unsupported charset "UTF-7"',
      code: null,
    });
  });
});
