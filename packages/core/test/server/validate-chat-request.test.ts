import fc from 'fast-check';
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

describe('validateChatRequest on the bodies most chats send', () => {
  const plainRole = fc.constantFrom('system', 'developer', 'user', 'assistant');
  const role = fc.constantFrom('system', 'developer', 'user', 'assistant', 'tool', 'robot');
  const content = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constant(null),
    fc.integer(),
    fc.array(fc.record({ type: fc.constant('text'), text: fc.string({ maxLength: 4 }) }), {
      maxLength: 2,
    }),
  );
  const message = fc.oneof(
    { weight: 6, arbitrary: fc.record({ role: plainRole, content: fc.string({ maxLength: 8 }) }) },
    { weight: 1, arbitrary: fc.record({ role, content }) },
    {
      weight: 1,
      arbitrary: fc.record(
        { role, content, name: fc.string({ maxLength: 3 }) },
        { requiredKeys: ['role'] },
      ),
    },
    { weight: 1, arbitrary: fc.constant(null) },
  );
  const body = fc.record(
    {
      messages: fc.oneof(
        { weight: 6, arbitrary: fc.array(message, { minLength: 1, maxLength: 3 }) },
        { weight: 1, arbitrary: fc.constant([]) },
        { weight: 1, arbitrary: fc.constant('Hi') },
      ),
      model: fc.oneof(
        fc.string({ maxLength: 3 }),
        fc.string({ minLength: 254, maxLength: 258 }),
        fc.integer(),
      ),
      stream: fc.oneof(fc.boolean(), fc.constant(null), fc.string({ maxLength: 2 })),
      temperature: fc.double({ min: -1, max: 3, noNaN: true }),
      surprise: fc.string({ maxLength: 2 }),
    },
    { requiredKeys: [] },
  );
  const schemas = [
    createChatRequestSchema(DEFAULT_ALLOWED_PARAMETERS, false),
    createChatRequestSchema(DEFAULT_ALLOWED_PARAMETERS, true),
    createChatRequestSchema(['temperature'], false),
    createChatRequestSchema(['temperature'], true),
  ];

  it('accepts and refuses what the schema does, giving what it gives, in its order', () => {
    fc.assert(
      fc.property(body, fc.nat(schemas.length - 1), (sent, which) => {
        const bodySchema = schemas[which]!;
        const before = structuredClone(sent);
        const parsed = bodySchema.safeParse(sent);
        let accepted: Record<string, unknown> | undefined;
        try {
          accepted = validateChatRequest(bodySchema, sent);
        } catch (error) {
          expect(error).toBeInstanceOf(ChatRequestError);
        }
        expect(accepted !== undefined).toBe(parsed.success);
        if (parsed.success) expect(JSON.stringify(accepted)).toBe(JSON.stringify(parsed.data));
        expect(sent).toEqual(before);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a copy, so that the policy never changes a body a framework parsed', () => {
    const sent = {
      messages: [{ role: 'user', content: 'Hi' }],
      model: 'gpt-4o-mini',
      stream: true,
    };
    const accepted = validateChatRequest(schema, sent) as typeof sent;
    expect(accepted).toEqual(sent);
    expect(accepted).not.toBe(sent);
    expect(accepted.messages).not.toBe(sent.messages);
    expect(accepted.messages[0]).not.toBe(sent.messages[0]);
  });
});
