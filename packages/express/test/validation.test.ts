import type { ChatwireClient } from '@chatwire/core';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatServer, serverClient, startChatServer } from './chat-server.js';

let emulator: Emulator;
let client: ChatwireClient;
let chat: ChatServer;
let formParsing: ChatServer;

beforeAll(async () => {
  emulator = await startEmulator();
  client = serverClient(emulator);
  chat = await startChatServer({ client, defaultModel: 'gpt-4o-mini', bodyLimit: 2048 });
  formParsing = await startChatServer({ client, defaultModel: 'gpt-4o-mini' }, (app) =>
    app.use(express.urlencoded({ extended: true })),
  );
});

afterAll(async () => {
  await chat.close();
  await formParsing.close();
  await client.close();
  await emulator.close();
});

const user = { role: 'user', content: 'Hi' };

function post(body: string | object) {
  return request(chat.origin)
    .post('/api/chat')
    .set('content-type', 'application/json')
    .send(typeof body === 'string' ? body : JSON.stringify(body));
}

describe('request validation', () => {
  it('answers malformed JSON with an OpenAI-shaped 400', async () => {
    const response = await post('{"messages": [');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: {
        message: 'The request body is not valid JSON.',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_json',
      },
    });
  });

  it('requires messages', async () => {
    const response = await post({ temperature: 1 });
    expect(response.status).toBe(400);
    expect(response.body.error.param).toBe('messages');
    expect(response.body.error.type).toBe('invalid_request_error');
  });

  it('names the wrong field of a message', async () => {
    const response = await post({ messages: [user, user, { role: 'user', content: 7 }] });
    expect(response.status).toBe(400);
    expect(response.body.error.param).toBe('messages[2].content');
    expect(response.body.error.message).toContain('messages[2].content');
  });

  it('names a wrong role', async () => {
    const response = await post({ messages: [{ role: 'robot', content: 'x' }] });
    expect(response.body.error.param).toBe('messages[0].role');
  });

  it('refuses a tool message that answers no tool call', async () => {
    const response = await post({
      messages: [user, { role: 'tool', tool_call_id: 'call_1', content: '{}' }],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.param).toBe('messages[1].tool_call_id');
  });

  it('refuses a body over the limit with an OpenAI-shaped 413', async () => {
    const response = await post({ messages: [{ role: 'user', content: 'x'.repeat(4096) }] });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('request_too_large');
    expect(response.body.error.type).toBe('invalid_request_error');
  });

  it('refuses a body that is not sent as JSON', async () => {
    const response = await request(chat.origin)
      .post('/api/chat')
      .set('content-type', 'text/plain')
      .send(JSON.stringify({ messages: [user] }));
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('unsupported_media_type');
  });

  it('refuses a form post that an app-wide form parser already read', async () => {
    const before = emulator.requests.length;
    const response = await request(formParsing.origin)
      .post('/api/chat')
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('messages[0][role]=user&messages[0][content]=hi');
    expect(response.status).toBe(415);
    expect(response.body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'unsupported_media_type',
    });
    expect(emulator.requests.length).toBe(before);
  });

  it('never calls the upstream for a refused request', async () => {
    const before = emulator.requests.length;
    await post({ messages: [] });
    await post('not json');
    expect(emulator.requests.length).toBe(before);
  });
});
