import type { IncomingMessage } from 'node:http';
import { ChatRequestError } from '../../errors/chat-request-error.js';
import type { ResolvedChatPolicy } from './chat-policy-options.js';
import { countCharacters } from './count-characters.js';
import { validateChatRequest } from './validate-chat-request.js';

async function isModelAllowed<Req>(
  policy: ResolvedChatPolicy<Req>,
  model: string,
  request: Req,
): Promise<boolean> {
  const allowed = policy.allowedModels;
  if (allowed === undefined) return model === policy.defaultModel;
  if (typeof allowed === 'function') return (await allowed(model, request)) === true;
  return allowed.includes(model);
}

function refuse(message: string, param: string | null, code: string): ChatRequestError {
  return new ChatRequestError({ status: 400, message, param, code });
}

/**
 * Validates a browser's body and applies the server's policy to it: unknown fields dropped or
 * refused, the model checked against the allowed ones (or the default filled in), caps applied
 * (the token cap filled in as `max_completion_tokens` when the browser set no token limit).
 * Returns the body to send upstream; throws a {@link ChatRequestError} when refused.
 */
export async function applyChatPolicy<Req = IncomingMessage>(
  policy: ResolvedChatPolicy<Req>,
  rawBody: unknown,
  request: Req,
): Promise<Record<string, unknown>> {
  const messages = (rawBody as { messages?: unknown } | null)?.messages;
  // Checked before the schema so that a huge array is refused without walking it.
  if (Array.isArray(messages) && messages.length > policy.maxMessages) {
    throw refuse(
      `Too many messages: ${messages.length}, at most ${policy.maxMessages} are accepted.`,
      'messages',
      'too_many_messages',
    );
  }
  const body = validateChatRequest(policy.schema, rawBody);

  const limit = policy.maxCharacters;
  let characters = countCharacters(body.messages, limit);
  if (characters > limit) {
    throw refuse(
      `The messages are too long: at most ${limit} characters are accepted.`,
      'messages',
      'messages_too_long',
    );
  }
  for (const field of ['tools', 'response_format'] as const) {
    characters += countCharacters(body[field], limit - characters);
    if (characters > limit) {
      throw refuse(
        `The request is too long: the messages, tools and response_format may hold at most ${limit} characters together.`,
        field,
        'request_too_long',
      );
    }
  }

  const model = body.model;
  if (typeof model === 'string') {
    if (!(await isModelAllowed(policy, model, request))) {
      throw refuse(`The model '${model}' is not allowed here.`, 'model', 'model_not_allowed');
    }
  } else if (policy.defaultModel !== undefined) {
    body.model = policy.defaultModel;
  }

  if (typeof body.n === 'number' && body.n > policy.maxChoices) {
    throw refuse(
      `n is ${body.n}, at most ${policy.maxChoices} is accepted.`,
      'n',
      'too_many_choices',
    );
  }
  let tokenLimitSent = false;
  for (const field of ['max_tokens', 'max_completion_tokens'] as const) {
    const value = body[field];
    if (typeof value !== 'number') continue;
    tokenLimitSent = true;
    if (value > policy.maxTokens) body[field] = policy.maxTokens;
  }
  if (!tokenLimitSent && policy.defaultMaxTokens !== null) {
    body.max_completion_tokens = policy.defaultMaxTokens;
  }
  return body;
}
