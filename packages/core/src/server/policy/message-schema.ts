import { z } from 'zod';

// Objects inside messages are loose: providers take extra fields there (Anthropic's
// `cache_control` on a content part, for example), and those fields cannot reroute a request.

const textPart = z.looseObject({ type: z.literal('text'), text: z.string() });

const imagePart = z.looseObject({
  type: z.literal('image_url'),
  image_url: z.looseObject({
    url: z.string().min(1),
    detail: z.enum(['auto', 'low', 'high']).optional(),
  }),
});

const audioPart = z.looseObject({
  type: z.literal('input_audio'),
  input_audio: z.looseObject({ data: z.string().min(1), format: z.enum(['wav', 'mp3']) }),
});

const filePart = z.looseObject({
  type: z.literal('file'),
  file: z.looseObject({
    file_data: z.string().optional(),
    file_id: z.string().optional(),
    filename: z.string().optional(),
  }),
});

const refusalPart = z.looseObject({ type: z.literal('refusal'), refusal: z.string() });

const thinkingPart = z.looseObject({
  type: z.literal('thinking'),
  thinking: z.string(),
  signature: z.string().optional(),
});

const redactedThinkingPart = z.looseObject({
  type: z.literal('redacted_thinking'),
  data: z.string(),
});

const userContentPart = z.discriminatedUnion('type', [textPart, imagePart, audioPart, filePart]);

const assistantContentPart = z.discriminatedUnion('type', [
  textPart,
  refusalPart,
  thinkingPart,
  redactedThinkingPart,
]);

const textContent = z.union([z.string(), z.array(textPart).min(1)]);

const functionCall = z.looseObject({ name: z.string().min(1), arguments: z.string() });

const messageToolCall = z.looseObject({
  id: z.string().min(1),
  type: z.literal('function'),
  function: functionCall,
});

const name = z.string().min(1).max(256).optional();

const systemMessage = z.looseObject({ role: z.literal('system'), content: textContent, name });

const developerMessage = z.looseObject({
  role: z.literal('developer'),
  content: textContent,
  name,
});

const userMessage = z.looseObject({
  role: z.literal('user'),
  content: z.union([z.string(), z.array(userContentPart).min(1)]),
  name,
});

const assistantMessage = z
  .looseObject({
    role: z.literal('assistant'),
    content: z.union([z.string(), z.array(assistantContentPart)]).nullish(),
    name,
    refusal: z.string().nullish(),
    tool_calls: z.array(messageToolCall).optional(),
    function_call: functionCall.nullish(),
    audio: z.looseObject({ id: z.string().min(1) }).nullish(),
  })
  .refine(
    (message) =>
      message.content != null ||
      (message.tool_calls !== undefined && message.tool_calls.length > 0) ||
      message.function_call != null ||
      message.audio != null,
    { message: 'an assistant message needs content or tool_calls', path: ['content'] },
  );

const toolMessage = z.looseObject({
  role: z.literal('tool'),
  content: textContent,
  tool_call_id: z.string().min(1),
});

const functionMessage = z.looseObject({
  role: z.literal('function'),
  content: z.string().nullable(),
  name: z.string().min(1),
});

/** One message of `messages`: the shape its `role` requires. */
export const chatMessageSchema = z.discriminatedUnion('role', [
  systemMessage,
  developerMessage,
  userMessage,
  assistantMessage,
  toolMessage,
  functionMessage,
]);

/**
 * `messages`: at least one well-formed message, and every `tool` message answering a tool call
 * made by an earlier assistant message (providers refuse the request otherwise).
 */
export const chatMessagesSchema = z
  .array(chatMessageSchema)
  .min(1, { message: 'at least one message is required' })
  .superRefine((messages, context) => {
    const calledIds = new Set<string>();
    messages.forEach((message, index) => {
      if (message.role === 'assistant') {
        for (const call of message.tool_calls ?? []) calledIds.add(call.id);
      } else if (message.role === 'tool' && !calledIds.has(message.tool_call_id)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'tool_call_id'],
          message: 'does not answer a tool call of an earlier assistant message',
        });
      }
    });
  });
