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
});
