import { z } from 'zod';
import { chatMessagesSchema } from './message-schema.js';
import { registerPlainCheck } from './plain-chat-body.js';

const functionName = z
  .string()
  .regex(/^[a-zA-Z0-9_-]{1,64}$/, { message: 'must be 1 to 64 letters, digits, _ or -' });

const tool = z.object({
  type: z.literal('function'),
  function: z.object({
    name: functionName,
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullish(),
  }),
});

const responseFormat = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text') }),
  z.object({ type: z.literal('json_object') }),
  z.object({
    type: z.literal('json_schema'),
    json_schema: z.object({
      name: functionName,
      description: z.string().optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullish(),
    }),
  }),
]);

const tokenCount = z.number().int().min(1).nullish();
const penalty = z.number().min(-2).max(2).nullish();

/**
 * The schema of every known Chat Completions body parameter except `messages` and `model`,
 * keyed by name. The server's allow-list picks from these; a parameter allowed but not listed
 * here is passed on without a shape check.
 */
export const chatParameterSchemas = {
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  max_tokens: tokenCount,
  max_completion_tokens: tokenCount,
  n: z.number().int().min(1).max(128).nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
  tools: z.array(tool).max(128).optional(),
  tool_choice: z
    .union([
      z.enum(['none', 'auto', 'required']),
      z.object({ type: z.literal('function'), function: z.object({ name: functionName }) }),
    ])
    .optional(),
  parallel_tool_calls: z.boolean().optional(),
  response_format: responseFormat.optional(),
  seed: z.number().int().nullish(),
  presence_penalty: penalty,
  frequency_penalty: penalty,
  logprobs: z.boolean().nullish(),
  top_logprobs: z.number().int().min(0).max(20).nullish(),
  logit_bias: z.record(z.string(), z.number().min(-100).max(100)).nullish(),
  user: z.string().max(256).optional(),
  metadata: z.record(z.string(), z.string()).nullish(),
  modalities: z.array(z.enum(['text', 'audio'])).nullish(),
  audio: z
    .object({
      voice: z.string().min(1),
      format: z.enum(['wav', 'aac', 'mp3', 'flac', 'opus', 'pcm16']),
    })
    .nullish(),
  prediction: z
    .object({
      type: z.literal('content'),
      content: z.union([
        z.string(),
        z.array(z.object({ type: z.literal('text'), text: z.string() })),
      ]),
    })
    .nullish(),
  reasoning_effort: z.enum(['minimal', 'low', 'medium', 'high']).nullish(),
  service_tier: z.enum(['auto', 'default', 'flex', 'scale', 'priority']).nullish(),
  store: z.boolean().nullish(),
  thinking: z
    .object({
      type: z.enum(['enabled', 'disabled']),
      budget_tokens: z.number().int().min(1).optional(),
    })
    .nullish(),
} satisfies Record<string, z.ZodType>;

/** A body parameter with a shape check in {@link chatParameterSchemas}. */
export type KnownChatParameter = keyof typeof chatParameterSchemas;

const MAX_MODEL_LENGTH = 256;

/** `model` as the browser may send it; whether it is allowed is the policy's decision. */
export const modelSchema = z.string().min(1).max(MAX_MODEL_LENGTH);

/** Whether `name` is a parameter with a shape check. */
export function isKnownChatParameter(name: string): name is KnownChatParameter {
  return Object.hasOwn(chatParameterSchemas, name);
}

/**
 * Builds the body schema for a set of allowed parameters: `messages` and `model` always, each
 * allowed parameter with its shape check. Other fields are stripped, or refused with
 * `refuseUnknown`.
 */
export function createChatRequestSchema(
  allowedParameters: readonly string[],
  refuseUnknown: boolean,
): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {
    messages: chatMessagesSchema,
    model: modelSchema.optional(),
  };
  for (const parameter of allowedParameters) {
    if (parameter === 'messages' || parameter === 'model') continue;
    shape[parameter] = isKnownChatParameter(parameter)
      ? chatParameterSchemas[parameter]
      : z.unknown();
  }
  const schema = refuseUnknown ? z.strictObject(shape) : z.object(shape);
  registerPlainCheck(schema, Object.hasOwn(shape, 'stream'), MAX_MODEL_LENGTH);
  return schema;
}
