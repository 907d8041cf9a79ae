import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { ChatRequestError } from '../errors/chat-request-error.js';
import { createChatRequestSchema } from './request-schema.js';
import { validateChatRequest } from './validate-chat-request.js';

/**
 * The body parameters a browser may set unless the server says otherwise. `user` is left out
 * on purpose: the end user's identity comes from the server's session (set it in `onRequest`
 * or as Portkey metadata `_user`), never from the browser's word.
 */
export const DEFAULT_ALLOWED_PARAMETERS: readonly string[] = Object.freeze([
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'stop',
  'stream',
  'stream_options',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
  'seed',
  'presence_penalty',
  'frequency_penalty',
  'logprobs',
  'top_logprobs',
  'n',
]);

/** Decides whether the browser may use a model. May be async (a lookup in a plan table). */
export type ModelAllowFunction = (
  model: string,
  request: IncomingMessage,
) => boolean | Promise<boolean>;

/**
 * What the browser may ask for. Every limit comes from the server; a browser can only pick
 * within it.
 */
export interface ChatPolicyOptions {
  /**
   * The models a browser may name in `model`: a list, or a function deciding per request.
   * When absent, the browser may only name `defaultModel` (or nothing).
   */
  allowedModels?: readonly string[] | ModelAllowFunction;
  /**
   * The model used when the browser names none. When neither this nor the browser sets a
   * model, the request is sent without one, for a Portkey config (`override_params`) to decide.
   */
  defaultModel?: string;
  /**
   * The body parameters the browser may set besides `messages` and `model`.
   * Defaults to {@link DEFAULT_ALLOWED_PARAMETERS}. A parameter listed here that chatwire has no
   * shape check for is passed on as the browser sent it.
   */
  allowedParameters?: readonly string[];
  /**
   * What happens to a body field outside the allow-list (a credential, `provider`, `config`, a
   * parameter the server did not allow): `'drop'` removes it silently (the default), `'refuse'`
   * answers 400 `unknown_parameter` naming it.
   */
  unknownParameters?: 'drop' | 'refuse';
  /**
   * The most tokens an answer may have. A larger `max_tokens` or `max_completion_tokens` from the
   * browser is lowered to this cap (clamped, not refused, so a client asking generously still
   * gets an answer). Defaults to 4096.
   */
  maxTokens?: number;
  /**
   * The `max_completion_tokens` sent upstream when the browser sets neither `max_tokens` nor
   * `max_completion_tokens`, so that a bare request cannot draw the model's whole output
   * window. At most `maxTokens`; `null` sends such requests without a limit (the model's own
   * maximum applies, or a Portkey config's `override_params`). Defaults to `maxTokens`.
   */
  defaultMaxTokens?: number | null;
  /** The most choices (`n`) a request may ask for; more is refused with 400. Defaults to 1. */
  maxChoices?: number;
  /** The most messages a request may carry; more is refused with 400. Defaults to 100. */
  maxMessages?: number;
  /**
   * The most characters the messages, `tools` (the function schemas) and `response_format` (a
   * JSON schema) may hold together, counting every string and object key in them, so that a body
   * cannot carry an unbounded prompt or schema. Image, audio and file parts are left out: their
   * data URLs are bounded by the body size limit instead. More is refused
   * with 400 (`messages_too_long` when the messages alone are over, `request_too_long` when the
   * schemas push the total over). Defaults to 200 000.
   */
  maxCharacters?: number;
}

/** {@link ChatPolicyOptions} with every default filled in and the body schema built. */
export interface ResolvedChatPolicy {
  /** The models a browser may name; `undefined` allows only {@link defaultModel}. */
  readonly allowedModels: readonly string[] | ModelAllowFunction | undefined;
  /** The model filled in when the browser names none, if any. */
  readonly defaultModel: string | undefined;
  /** The body parameters the browser may set besides `messages` and `model`. */
  readonly allowedParameters: readonly string[];
  /** Whether a parameter outside the allow-list is dropped or refused with 400. */
  readonly unknownParameters: 'drop' | 'refuse';
  /** The cap `max_tokens` and `max_completion_tokens` are lowered to. */
  readonly maxTokens: number;
  /** The `max_completion_tokens` sent when the browser set no token limit; `null` for none. */
  readonly defaultMaxTokens: number | null;
  /** The most choices (`n`) a request may ask for. */
  readonly maxChoices: number;
  /** The most messages a request may carry. */
  readonly maxMessages: number;
  /** The most characters the messages, `tools` and `response_format` may hold together. */
  readonly maxCharacters: number;
  /** The body schema for `allowedParameters` and `unknownParameters`. */
  readonly schema: z.ZodType<Record<string, unknown>>;
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${String(value)}.`);
  }
  return value;
}

function resolveDefaultMaxTokens(
  value: number | null | undefined,
  maxTokens: number,
): number | null {
  if (value === null) return null;
  const resolved = positiveInteger('defaultMaxTokens', value, maxTokens);
  if (resolved > maxTokens) {
    throw new RangeError(
      `defaultMaxTokens must be at most maxTokens (${maxTokens}), got ${String(resolved)}.`,
    );
  }
  return resolved;
}

/** Fills in the defaults of a policy and builds its body schema. Throws on invalid limits. */
export function resolveChatPolicy(options: ChatPolicyOptions = {}): ResolvedChatPolicy {
  const allowedParameters = Object.freeze([
    ...(options.allowedParameters ?? DEFAULT_ALLOWED_PARAMETERS),
  ]);
  const unknownParameters = options.unknownParameters ?? 'drop';
  const maxTokens = positiveInteger('maxTokens', options.maxTokens, 4096);
  return {
    allowedModels: options.allowedModels,
    defaultModel: options.defaultModel,
    allowedParameters,
    unknownParameters,
    maxTokens,
    defaultMaxTokens: resolveDefaultMaxTokens(options.defaultMaxTokens, maxTokens),
    maxChoices: positiveInteger('maxChoices', options.maxChoices, 1),
    maxMessages: positiveInteger('maxMessages', options.maxMessages, 100),
    maxCharacters: positiveInteger('maxCharacters', options.maxCharacters, 200_000),
    schema: createChatRequestSchema(allowedParameters, unknownParameters === 'refuse'),
  };
}

/** Content parts whose payload is media, not prompt text. */
const MEDIA_PARTS: ReadonlySet<unknown> = new Set(['image_url', 'input_audio', 'file']);

/**
 * Sums the lengths of every string and object key in a value, stopping early once past `limit`
 * (keys count because a schema's property names are as much text as its descriptions). Media
 * parts are skipped: a photo's data URL is large but is not prompt text.
 */
function countCharacters(value: unknown, limit: number): number {
  let total = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0 && total <= limit) {
    const next = pending.pop();
    if (typeof next === 'string') {
      total += next.length;
    } else if (Array.isArray(next)) {
      pending.push(...next);
    } else if (next !== null && typeof next === 'object') {
      if (MEDIA_PARTS.has((next as { type?: unknown }).type)) continue;
      for (const [key, item] of Object.entries(next)) {
        total += key.length;
        pending.push(item);
      }
    }
  }
  return total;
}

async function isModelAllowed(
  policy: ResolvedChatPolicy,
  model: string,
  request: IncomingMessage,
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
export async function applyChatPolicy(
  policy: ResolvedChatPolicy,
  rawBody: unknown,
  request: IncomingMessage,
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
