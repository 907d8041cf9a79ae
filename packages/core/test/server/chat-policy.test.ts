import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ChatRequestError } from '../../src/errors/chat-request-error.js';
import {
  applyChatPolicy,
  type ChatPolicyOptions,
  resolveChatPolicy,
} from '../../src/server/index.js';

const request = new IncomingMessage(new Socket());
const hello = [{ role: 'user', content: 'Hello' }];

async function refusal(options: ChatPolicyOptions, body: unknown): Promise<ChatRequestError> {
  const error = await applyChatPolicy(resolveChatPolicy(options), body, request).catch(
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ChatRequestError);
  return error as ChatRequestError;
}

describe('applyChatPolicy: models', () => {
  it('fills in the default model when the browser names none', async () => {
    const body = await applyChatPolicy(
      resolveChatPolicy({ defaultModel: 'gpt-4o-mini' }),
      { messages: hello },
      request,
    );
    expect(body.model).toBe('gpt-4o-mini');
  });

  it('refuses a model outside the allowed list', async () => {
    const error = await refusal({ allowedModels: ['a', 'b'] }, { messages: hello, model: 'c' });
    expect(error.status).toBe(400);
    expect(error.param).toBe('model');
    expect(error.code).toBe('model_not_allowed');
  });

  it('accepts a model the allow function approves, and refuses the others', async () => {
    const policy = resolveChatPolicy({
      allowedModels: async (model) => model.startsWith('cheap-'),
    });
    const body = await applyChatPolicy(policy, { messages: hello, model: 'cheap-1' }, request);
    expect(body.model).toBe('cheap-1');
    const error = await refusal(
      { allowedModels: (model) => model.startsWith('cheap-') },
      { messages: hello, model: 'costly-1' },
    );
    expect(error.code).toBe('model_not_allowed');
  });

  it('lets the browser name only the default model when no list is given', async () => {
    const policy = resolveChatPolicy({ defaultModel: 'm1' });
    await expect(
      applyChatPolicy(policy, { messages: hello, model: 'm1' }, request),
    ).resolves.toMatchObject({
      model: 'm1',
    });
    const error = await refusal({ defaultModel: 'm1' }, { messages: hello, model: 'm2' });
    expect(error.code).toBe('model_not_allowed');
  });

  it('refuses every browser model when the server names none', async () => {
    const error = await refusal({}, { messages: hello, model: 'gpt-4o' });
    expect(error.code).toBe('model_not_allowed');
  });
});

describe('applyChatPolicy: parameters', () => {
  it('drops credentials, routing fields and parameters outside the allow-list by default', async () => {
    const body = await applyChatPolicy(
      resolveChatPolicy({}),
      {
        messages: hello,
        temperature: 0.5,
        api_key: 'sk-browser',
        provider: 'openai',
        config: 'pc-evil',
        custom_host: 'http://evil.example/v1',
        virtual_key: 'vk',
        logit_bias: { '42': 100 },
        user: 'someone-else',
      },
      request,
    );
    expect(body).toEqual({ messages: hello, temperature: 0.5, max_completion_tokens: 4096 });
  });

  it('refuses a field outside the allow-list when told to, naming it', async () => {
    const error = await refusal(
      { unknownParameters: 'refuse' },
      { messages: hello, provider: 'openai' },
    );
    expect(error.status).toBe(400);
    expect(error.param).toBe('provider');
    expect(error.code).toBe('unknown_parameter');
  });

  it('accepts a parameter the server added to the allow-list', async () => {
    const body = await applyChatPolicy(
      resolveChatPolicy({ allowedParameters: ['user', 'top_k'] }),
      { messages: hello, user: 'u1', top_k: 5, temperature: 1 },
      request,
    );
    expect(body).toEqual({ messages: hello, user: 'u1', top_k: 5, max_completion_tokens: 4096 });
  });

  it('clamps max_tokens and max_completion_tokens to the cap', async () => {
    const body = await applyChatPolicy(
      resolveChatPolicy({ maxTokens: 100 }),
      { messages: hello, max_tokens: 5000, max_completion_tokens: 101 },
      request,
    );
    expect(body.max_tokens).toBe(100);
    expect(body.max_completion_tokens).toBe(100);
  });

  it('keeps max_tokens under the cap as it is', async () => {
    const body = await applyChatPolicy(
      resolveChatPolicy({ maxTokens: 100 }),
      { messages: hello, max_tokens: 20 },
      request,
    );
    expect(body.max_tokens).toBe(20);
  });

  it('refuses more choices than allowed', async () => {
    const error = await refusal({ maxChoices: 2 }, { messages: hello, n: 3 });
    expect(error.param).toBe('n');
    expect(error.code).toBe('too_many_choices');
  });

  it('refuses too many messages', async () => {
    const messages = Array.from({ length: 6 }, () => ({ role: 'user', content: 'x' }));
    const error = await refusal({ maxMessages: 5 }, { messages });
    expect(error.param).toBe('messages');
    expect(error.code).toBe('too_many_messages');
  });

  it('refuses messages holding too many characters in total', async () => {
    const error = await refusal(
      { maxCharacters: 10 },
      { messages: [{ role: 'user', content: [{ type: 'text', text: 'x'.repeat(11) }] }] },
    );
    expect(error.code).toBe('messages_too_long');
  });

  it('leaves image data out of the character cap: the body size limit bounds it', async () => {
    const policy = resolveChatPolicy({ maxCharacters: 100 });
    const photo = `data:image/jpeg;base64,${'A'.repeat(5_000)}`;
    const body = await applyChatPolicy(
      policy,
      {
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is in this photo?' },
              { type: 'image_url', image_url: { url: photo } },
            ],
          },
        ],
      },
      request,
    );
    expect(JSON.stringify(body)).toContain(photo);
  });

  it('rejects invalid limits when the policy is made', () => {
    expect(() => resolveChatPolicy({ maxTokens: 0 })).toThrow(RangeError);
    expect(() => resolveChatPolicy({ maxTokens: 100, defaultMaxTokens: 101 })).toThrow(RangeError);
  });

  it('fills in defaultMaxTokens only when the browser set no token limit', async () => {
    const policy = resolveChatPolicy({ maxTokens: 100, defaultMaxTokens: 30 });
    const bare = await applyChatPolicy(policy, { messages: hello }, request);
    expect(bare.max_completion_tokens).toBe(30);
    const own = await applyChatPolicy(policy, { messages: hello, max_tokens: 80 }, request);
    expect(own).not.toHaveProperty('max_completion_tokens');
    expect(own.max_tokens).toBe(80);
    const unbounded = resolveChatPolicy({ defaultMaxTokens: null });
    expect(await applyChatPolicy(unbounded, { messages: hello }, request)).toEqual({
      messages: hello,
    });
  });

  it('counts tool schemas toward the character cap, keys included', async () => {
    const tool = {
      type: 'function',
      function: { name: 'f', parameters: { properties: { ['k'.repeat(50)]: {} } } },
    };
    const error = await refusal({ maxCharacters: 60 }, { messages: hello, tools: [tool] });
    expect(error.param).toBe('tools');
    expect(error.code).toBe('request_too_long');
  });
});
