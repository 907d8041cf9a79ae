import 'reflect-metadata';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatwireExceptionFilter, ChatwireModule } from '../src/index.js';
import { listen } from './support/listen.js';
import { invalidJSONAnswer, postJSON } from './support/post-json.js';

let emulator: Emulator;
let ownParsing: INestApplication;
let ownParsingOrigin: string;
let nestParsing: INestApplication;
let nestParsingOrigin: string;

async function startApp(bodyParser: boolean): Promise<INestApplication> {
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
  return moduleRef.createNestApplication({ bodyParser });
}

beforeAll(async () => {
  emulator = await startEmulator();
  ownParsing = await startApp(false);
  ownParsingOrigin = await listen(ownParsing);
  nestParsing = await startApp(true);
  nestParsing.useGlobalFilters(new ChatwireExceptionFilter());
  nestParsingOrigin = await listen(nestParsing);
});

afterAll(async () => {
  await ownParsing.close();
  await nestParsing.close();
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

function post(origin: string, body: string): Promise<Response> {
  return postJSON(`${origin}/api/chat`, body);
}

describe('with bodyParser: false, the endpoint reads the body itself', () => {
  it('accepts a 500 kB image message, within the endpoint bodyLimit', async () => {
    const body = JSON.stringify({ messages: [imageMessage(500_000)] });
    const response = await post(ownParsingOrigin, body);
    expect(response.status).toBe(200);
    const completion = (await response.json()) as { object: string };
    expect(completion.object).toBe('chat.completion');
  });

  it('answers malformed JSON in the OpenAI error shape', async () => {
    const response = await post(ownParsingOrigin, '{"messages": [');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(invalidJSONAnswer);
  });

  it('refuses a body over bodyLimit with an OpenAI-shaped 413', async () => {
    const body = JSON.stringify({ messages: [imageMessage(1_100_000)] });
    const response = await post(ownParsingOrigin, body);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      error: { type: 'invalid_request_error', code: 'request_too_large' },
    });
  });
});

describe("with Nest's body parser and the filter global", () => {
  it("answers the parser's 413 with the endpoint's error body", async () => {
    const body = JSON.stringify({ messages: [imageMessage(500_000)] });
    const response = await post(nestParsingOrigin, body);
    expect(response.status).toBe(413);
    const answer = (await response.json()) as { error: Record<string, unknown> };
    expect(answer.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'request_too_large',
    });
    expect(answer.error.message).toBe('The request body is larger than 102400 bytes.');
  });
});
