import type { z } from 'zod';

type Schema = z.ZodType<Record<string, unknown>>;
type PlainCheck = (body: object) => Record<string, unknown> | undefined;

// The roles whose message may be just a role and a string content.
const PLAIN_ROLES: ReadonlySet<unknown> = new Set(['system', 'developer', 'user', 'assistant']);

const checks = new WeakMap<Schema, PlainCheck>();

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** `{ role, content }` with a string content, copied; `undefined` for any other message. */
function plainMessage(value: unknown): { role: unknown; content: string } | undefined {
  if (!isPlainObject(value)) return undefined;
  for (const key in value) if (key !== 'role' && key !== 'content') return undefined;
  const { role, content } = value;
  if (!PLAIN_ROLES.has(role) || typeof content !== 'string') return undefined;
  return { role, content };
}

function plainMessages(value: unknown): Array<{ role: unknown; content: string }> | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const messages = new Array<{ role: unknown; content: string }>(value.length);
  for (let index = 0; index < value.length; index++) {
    const message = plainMessage(value[index]);
    if (message === undefined) return undefined;
    messages[index] = message;
  }
  return messages;
}

/**
 * Registers, for a body schema made by `createChatRequestSchema`, the check of the body most
 * chats send: text messages, a model and `stream` (when it is allowed), nothing else. Such a
 * body is what the schema accepts and gives, which walking the schema takes many times longer
 * to find out, on the way to the first byte of every answer.
 */
export function registerPlainCheck(
  schema: Schema,
  streamAllowed: boolean,
  maxModelLength: number,
): void {
  checks.set(schema, (body) => {
    if (!isPlainObject(body)) return undefined;
    for (const key in body) {
      if (key !== 'messages' && key !== 'model' && (key !== 'stream' || !streamAllowed)) {
        return undefined;
      }
    }
    const messages = plainMessages(body.messages);
    if (messages === undefined) return undefined;
    // The schema's order: messages, model, then the parameters.
    const plain: Record<string, unknown> = { messages };
    if ('model' in body) {
      const model = body.model;
      if (typeof model !== 'string' || model.length === 0 || model.length > maxModelLength)
        return undefined;
      plain.model = model;
    }
    if ('stream' in body) {
      if (typeof body.stream !== 'boolean') return undefined;
      plain.stream = body.stream;
    }
    return plain;
  });
}

/**
 * What `schema` gives for `body` when the body is of the plain shape registered for the schema:
 * a copy, as the schema makes. `undefined` when it is not, or the schema has no such check: the
 * schema then decides.
 */
export function parsePlainBody(schema: Schema, body: object): Record<string, unknown> | undefined {
  return checks.get(schema)?.(body);
}
