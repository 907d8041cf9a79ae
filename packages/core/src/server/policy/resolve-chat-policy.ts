import type { IncomingMessage } from 'node:http';
import {
  DEFAULT_MAX_CHARACTERS,
  DEFAULT_MAX_CHOICES,
  DEFAULT_MAX_MESSAGES,
  DEFAULT_MAX_TOKENS,
} from '../defaults.js';
import {
  type ChatPolicyOptions,
  DEFAULT_ALLOWED_PARAMETERS,
  type ResolvedChatPolicy,
} from './chat-policy-options.js';
import { createChatRequestSchema } from './request-schema.js';

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
export function resolveChatPolicy<Req = IncomingMessage>(
  options: ChatPolicyOptions<Req> = {},
): ResolvedChatPolicy<Req> {
  const allowedParameters = Object.freeze([
    ...(options.allowedParameters ?? DEFAULT_ALLOWED_PARAMETERS),
  ]);
  const unknownParameters = options.unknownParameters ?? 'drop';
  const maxTokens = positiveInteger('maxTokens', options.maxTokens, DEFAULT_MAX_TOKENS);
  return {
    allowedModels: options.allowedModels,
    defaultModel: options.defaultModel,
    allowedParameters,
    unknownParameters,
    maxTokens,
    defaultMaxTokens: resolveDefaultMaxTokens(options.defaultMaxTokens, maxTokens),
    maxChoices: positiveInteger('maxChoices', options.maxChoices, DEFAULT_MAX_CHOICES),
    maxMessages: positiveInteger('maxMessages', options.maxMessages, DEFAULT_MAX_MESSAGES),
    maxCharacters: positiveInteger('maxCharacters', options.maxCharacters, DEFAULT_MAX_CHARACTERS),
    schema: createChatRequestSchema(allowedParameters, unknownParameters === 'refuse'),
  };
}
