import { describe, expect, it } from 'vitest';
import { ChatRequestError, DEFAULT_ALLOWED_PARAMETERS } from '../../src/server/index.js';
import { createChatRequestSchema } from '../../src/server/policy/request-schema.js';
import { validateChatRequest } from '../../src/server/policy/validate-chat-request.js';

const schema = createChatRequestSchema(DEFAULT_ALLOWED_PARAMETERS, false);

function errorFor(body: unknown): ChatRequestError {
  try {
    validateChatRequest(schema, body);
  } catch (error) {
    expect(error).toBeInstanceOf(ChatRequestError);
    return error as ChatRequestError;
  }
  throw new Error('the body was accepted');
}

const user = { role: 'user', content: 'Hi' };

describe('validateChatRequest', () => {
  it('accepts a conversation with every message role and content parts', () => {
    const body = {
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'developer', content: [{ type: 'text', text: 'No lists.' }] },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA', detail: 'low' } },
          ],
        },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '{"ok":true}' },
      ],
      tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object' } } }],
      tool_choice: 'auto',
      response_format: { type: 'json_object' },
      stream: true,
      stream_options: { include_usage: true },
    };
    expect(validateChatRequest(schema, body)).toEqual(body);
  });

  it('keeps provider extensions inside messages', () => {
    const part = { type: 'text', text: 'cached', cache_control: { type: 'ephemeral' } };
    const body = validateChatRequest(schema, { messages: [{ role: 'user', content: [part] }] });
    expect(body.messages).toEqual([{ role: 'user', content: [part] }]);
  });

  it('requires messages', () => {
    const error = errorFor({ model: 'x' });
    expect(error.status).toBe(400);
    expect(error.type).toBe('invalid_request_error');
    expect(error.param).toBe('messages');
  });

  it('refuses an empty conversation', () => {
    expect(errorFor({ messages: [] }).param).toBe('messages');
  });

  it('names an unknown role at its message', () => {
    const error = errorFor({ messages: [user, user, { role: 'wizard', content: 'x' }] });
    expect(error.param).toBe('messages[2].role');
    expect(error.message).toContain("'messages[2].role'");
  });

  it('names content of the wrong type', () => {
    const error = errorFor({ messages: [user, user, { role: 'user', content: 42 }] });
    expect(error.param).toBe('messages[2].content');
    expect(error.message).toContain('expected string or array');
  });

  it('names the field missing inside a content part', () => {
    const error = errorFor({ messages: [{ role: 'user', content: [{ type: 'text' }] }] });
    expect(error.param).toBe('messages[0].content[0].text');
  });

  it('names an unknown content part type', () => {
    const error = errorFor({
      messages: [{ role: 'user', content: [{ type: 'video', url: 'x' }] }],
    });
    expect(error.param).toBe('messages[0].content[0].type');
  });

  it('refuses a tool message that answers no earlier tool call', () => {
    const error = errorFor({
      messages: [user, { role: 'tool', tool_call_id: 'call_9', content: 'result' }],
    });
    expect(error.param).toBe('messages[1].tool_call_id');
  });

  it('refuses a tool message without tool_call_id', () => {
    const error = errorFor({ messages: [user, { role: 'tool', content: 'result' }] });
    expect(error.param).toBe('messages[1].tool_call_id');
  });

  it('refuses an assistant message with neither content nor tool calls', () => {
    expect(errorFor({ messages: [user, { role: 'assistant' }] }).param).toBe('messages[1].content');
  });

  it('names a parameter out of range', () => {
    const error = errorFor({ messages: [user], temperature: 3 });
    expect(error.param).toBe('temperature');
  });

  it('names a malformed tool definition', () => {
    const error = errorFor({
      messages: [user],
      tools: [{ type: 'function', function: { name: 'has spaces' } }],
    });
    expect(error.param).toBe('tools[0].function.name');
  });

  it('refuses a body that is not an object', () => {
    expect(errorFor([user]).code).toBe('invalid_body');
    expect(errorFor(null).code).toBe('invalid_body');
  });
});
