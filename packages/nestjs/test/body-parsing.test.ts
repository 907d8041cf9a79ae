import 'reflect-metadata';
import { DEFAULT_BODY_LIMIT } from '@chatwire/core/server';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatwireModule } from '../src/index.js';
import { type AppSetup, PLATFORM, type StartedApp, startApp } from './support/nest-app.js';
import { invalidJSONAnswer, postJSON } from './support/post-json.js';

let emulator: Emulator;
let standard: StartedApp;

async function startChatApp(setup?: AppSetup): Promise<StartedApp> {
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
  return startApp(moduleRef, setup);
}

beforeAll(async () => {
  emulator = await startEmulator();
  standard = await startChatApp();
});

afterAll(async () => {
  await standard.app.close();
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

describe(`body parsing on ${PLATFORM}, set up as the README says`, () => {
  it('accepts a 500 kB image message, within the default limit', async () => {
    const body = JSON.stringify({ messages: [imageMessage(500_000)] });
    const response = await post(standard.origin, body);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { object: string }).object).toBe('chat.completion');
  });

  it('answers malformed JSON in the OpenAI error shape', async () => {
    const response = await post(standard.origin, '{"messages": [');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(invalidJSONAnswer);
  });

  it('answers an empty JSON body with the same 400', async () => {
    const response = await post(standard.origin, '');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(invalidJSONAnswer);
  });

  it('refuses a body over the default limit with an OpenAI-shaped 413', async () => {
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

// Who else may parse the body differs: Nest's own parser on Express, the adapter's on Fastify.
if (PLATFORM === 'Express') {
  describe("with Nest's body parser on Express and the filter global", () => {
    let nestParsing: StartedApp;
    beforeAll(async () => {
      nestParsing = await startChatApp({ bodyParser: true, globalFilter: true });
    });
    afterAll(() => nestParsing.app.close());

    it("answers the parser's 413 with the endpoint's error body", async () => {
      const body = JSON.stringify({ messages: [imageMessage(500_000)] });
      const response = await post(nestParsing.origin, body);
      expect(response.status).toBe(413);
      const answer = (await response.json()) as { error: Record<string, unknown> };
      expect(answer.error).toMatchObject({
        type: 'invalid_request_error',
        code: 'request_too_large',
      });
      expect(answer.error.message).toBe('The request body is larger than 102400 bytes.');
    });
  });
} else {
  describe("with the Fastify adapter's bodyLimit raised", () => {
    const raisedLimit = 4 * 1024 * 1024;
    let raised: StartedApp;
    beforeAll(async () => {
      raised = await startChatApp({ fastify: { bodyLimit: raisedLimit } });
    });
    afterAll(() => raised.app.close());

    it('takes larger bodies within it and names it in the 413 beyond', async () => {
      const accepted = await post(
        raised.origin,
        JSON.stringify({ messages: [imageMessage(1_100_000)] }),
      );
      expect(accepted.status).toBe(200);
      await accepted.arrayBuffer();
      const refused = await post(
        raised.origin,
        JSON.stringify({ messages: [imageMessage(raisedLimit)] }),
      );
      expect(refused.status).toBe(413);
      const answer = (await refused.json()) as { error: { message: string } };
      expect(answer.error.message).toBe(`The request body is larger than ${raisedLimit} bytes.`);
    });
  });
}
