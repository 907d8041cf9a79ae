import type { ChatwireClient } from '@chatwire/core';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatServer, serverClient, startChatServer } from './chat-server.js';

let emulator: Emulator;
let client: ChatwireClient;
let strict: ChatServer;
let lenient: ChatServer;

beforeAll(async () => {
  emulator = await startEmulator();
  client = serverClient(emulator);
  strict = await startChatServer({
    client,
    allowedModels: ['gpt-4o-mini', 'gpt-4o'],
    defaultModel: 'gpt-4o-mini',
    unknownParameters: 'refuse',
    maxTokens: 50,
    maxChoices: 2,
    maxMessages: 3,
    maxCharacters: 100,
    onRequest: (context) => {
      if (context.request.headers['x-test-plan'] === 'free') {
        return { status: 402, message: 'Upgrade to chat.', code: 'plan_required' };
      }
      context.body.messages.unshift({ role: 'system', content: 'Be brief.' });
      return undefined;
    },
  });
  lenient = await startChatServer({ client, defaultModel: 'gpt-4o-mini' });
});

afterAll(async () => {
  await strict.close();
  await lenient.close();
  await client.close();
  await emulator.close();
});

const messages = [{ role: 'user', content: 'Hi' }];

function post(server: ChatServer, body: object, headers: Record<string, string> = {}) {
  return request(server.origin).post('/api/chat').set(headers).send(body);
}

async function lastUpstreamBody(): Promise<Record<string, unknown>> {
  const recorded = emulator.requests.at(-1);
  expect(recorded).toBeDefined();
  return recorded!.json as Record<string, unknown>;
}

describe('server policy', () => {
  it('refuses a model outside the allowed list', async () => {
    const response = await post(strict, { messages, model: 'o4-mini' });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ param: 'model', code: 'model_not_allowed' });
  });

  it('sends an allowed model, and the default model when none is named', async () => {
    expect((await post(strict, { messages, model: 'gpt-4o' })).status).toBe(200);
    expect((await lastUpstreamBody()).model).toBe('gpt-4o');
    expect((await post(strict, { messages })).status).toBe(200);
    expect((await lastUpstreamBody()).model).toBe('gpt-4o-mini');
  });

  it('clamps max_tokens to the cap', async () => {
    expect((await post(strict, { messages, max_tokens: 5000 })).status).toBe(200);
    expect((await lastUpstreamBody()).max_tokens).toBe(50);
  });

  it('sends the cap as max_completion_tokens when the browser set no token limit', async () => {
    expect((await post(strict, { messages })).status).toBe(200);
    expect((await lastUpstreamBody()).max_completion_tokens).toBe(50);
    expect((await post(lenient, { messages })).status).toBe(200);
    expect((await lastUpstreamBody()).max_completion_tokens).toBe(4096);
  });

  it('counts tool schemas and response_format toward the character cap', async () => {
    const before = emulator.requests.length;
    const tool = {
      type: 'function',
      function: {
        name: 'lookup',
        parameters: { type: 'object', properties: { ['q'.repeat(60)]: { type: 'string' } } },
      },
    };
    const tools = await post(strict, { messages, tools: [tool] });
    expect(tools.status).toBe(400);
    expect(tools.body.error).toMatchObject({ param: 'tools', code: 'request_too_long' });
    const format = {
      type: 'json_schema',
      json_schema: { name: 'answer', schema: { description: 'd'.repeat(100) } },
    };
    const schema = await post(strict, { messages, response_format: format });
    expect(schema.status).toBe(400);
    expect(schema.body.error).toMatchObject({ param: 'response_format', code: 'request_too_long' });
    expect(emulator.requests.length).toBe(before);
    // Under a larger cap the same schema goes through.
    expect((await post(lenient, { messages, response_format: format })).status).toBe(200);
  });

  it('refuses too many choices, messages or characters', async () => {
    expect((await post(strict, { messages, n: 3 })).body.error.code).toBe('too_many_choices');
    const four = Array.from({ length: 4 }, () => messages[0]);
    expect((await post(strict, { messages: four })).body.error.code).toBe('too_many_messages');
    const long = [{ role: 'user', content: 'x'.repeat(101) }];
    expect((await post(strict, { messages: long })).body.error.code).toBe('messages_too_long');
  });

  it('refuses an unknown field when told to, and drops it by default', async () => {
    const refused = await post(strict, { messages, logit_bias: { '1': 5 } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ param: 'logit_bias', code: 'unknown_parameter' });
    expect((await post(lenient, { messages, logit_bias: { '1': 5 }, user: 'x' })).status).toBe(200);
    const sent = await lastUpstreamBody();
    expect(sent).not.toHaveProperty('logit_bias');
    expect(sent).not.toHaveProperty('user');
  });

  it('lets onRequest change the body', async () => {
    expect((await post(strict, { messages })).status).toBe(200);
    const sent = await lastUpstreamBody();
    expect(sent.messages).toEqual([{ role: 'system', content: 'Be brief.' }, ...messages]);
  });

  it('lets onRequest deny with its own status and message', async () => {
    const before = emulator.requests.length;
    const response = await post(strict, { messages }, { 'x-test-plan': 'free' });
    expect(response.status).toBe(402);
    expect(response.body).toEqual({
      error: {
        message: 'Upgrade to chat.',
        type: 'invalid_request_error',
        param: null,
        code: 'plan_required',
      },
    });
    expect(emulator.requests.length).toBe(before);
  });
});
