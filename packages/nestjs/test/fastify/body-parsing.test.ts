import 'reflect-metadata';
import { DEFAULT_BODY_LIMIT } from '@chatwire/core/server';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatwireModule } from '../../src/index.js';
import { type FastifyApp, startOnFastify } from '../support/fastify-app.js';
import { invalidJSONAnswer, postJSON } from '../support/post-json.js';

let emulator: Emulator;
let standard: FastifyApp;
let raised: FastifyApp;
const RAISED_LIMIT = 4 * 1024 * 1024;

async function startApp(bodyLimit?: number): Promise<FastifyApp> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ChatwireModule.forRoot({
        baseURL: emulator.url,
        apiKey: 'server-key',
        maxRetries: 0,
        endpoint: { path: 'api/chat', defaultModel: 'gpt-4o-mini' },
      }),
    ],
  }).compile();
  return startOnFastify(moduleRef, bodyLimit === undefined ? {} : { bodyLimit });
}

beforeAll(async () => {
  emulator = await startEmulator();
  standard = await startApp();
  raised = await startApp(RAISED_LIMIT);
});

afterAll(async () => {
  await standard.app.close();
  await raised.app.close();
  await emulator.close();
});

/** A user message carrying a PNG data URL of about `size` bytes. */
function imageMessage(size: number) {
  const url = `data:image/png;base64,${'A'.repeat(size)}`;
  return {
    role: 'user',
    content: [
      { type: 'text', text: 'What is in this picture?' },
      { type: 'image_url', image_url: { url } },
    ],
  };
}

function post(origin: string, body: string, headers: Record<string, string> = {}) {
  return postJSON(`${origin}/api/chat`, body, headers);
}

describe("Fastify's body parsing, answered in the endpoint's words", () => {
  it('accepts a 500 kB image message, within the default limit', async () => {
    const body = JSON.stringify({ messages: [imageMessage(500_000)] });
    const response = await post(standard.origin, body);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { object: string }).object).toBe('chat.completion');
  });

  it('answers malformed JSON with the same 400 as the endpoint on Express', async () => {
    const response = await post(standard.origin, '{"messages": [');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(invalidJSONAnswer);
  });

  it('answers an empty JSON body with the same 400', async () => {
    const response = await post(standard.origin, '');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(invalidJSONAnswer);
  });

  it('refuses a body over the limit with the 413 the endpoint sends on Express', async () => {
    const body = JSON.stringify({ messages: [imageMessage(1_100_000)] });
    const response = await post(standard.origin, body);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: {
        message: `The request body is larger than ${DEFAULT_BODY_LIMIT} bytes.`,
        type: 'invalid_request_error',
        param: null,
        code: 'request_too_large',
      },
    });
  });

  it("takes larger bodies within the adapter's raised bodyLimit", async () => {
    const accepted = await post(
      raised.origin,
      JSON.stringify({ messages: [imageMessage(1_100_000)] }),
    );
    expect(accepted.status).toBe(200);
    await accepted.arrayBuffer();
    const refused = await post(
      raised.origin,
      JSON.stringify({ messages: [imageMessage(RAISED_LIMIT)] }),
    );
    expect(refused.status).toBe(413);
    const answer = (await refused.json()) as { error: { message: string } };
    expect(answer.error.message).toBe(`The request body is larger than ${RAISED_LIMIT} bytes.`);
  });

  it.each([
    ['a form post', 'application/x-www-form-urlencoded', 'messages[0][role]=user'],
    ['plain text', 'text/plain', '{"messages":[{"role":"user","content":"Hi"}]}'],
    ['a multipart form', 'multipart/form-data; boundary=x', '--x--'],
  ])('refuses %s with the endpoint’s 415', async (_kind, contentType, body) => {
    const response = await post(standard.origin, body, { 'content-type': contentType });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      error: {
        message: "The request body must be JSON, sent with 'Content-Type: application/json'.",
        type: 'invalid_request_error',
        param: null,
        code: 'unsupported_media_type',
      },
    });
  });
});
