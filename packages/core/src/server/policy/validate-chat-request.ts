import type { z } from 'zod';
import { ChatRequestError } from '../../errors/chat-request-error.js';
import { parsePlainBody } from './plain-chat-body.js';

type Issue = z.core.$ZodIssue;
type PathSegment = PropertyKey;

/** `['messages', 2, 'content']` → `messages[2].content`, the form OpenAI errors use. */
export function formatParamPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

interface LocatedIssue {
  path: PathSegment[];
  message: string;
}

/**
 * Of a union's failed branches, the one that got furthest into the value says best what is
 * wrong (`content[0].text` missing rather than "content is not a string"). When every branch
 * failed at the value itself, the message lists what each branch expected.
 */
function locateIssue(issue: Issue, prefix: PathSegment[] = []): LocatedIssue {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return { path: [...path, key], message: 'is not an accepted parameter' };
  }
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) {
    return { path, message: issue.message };
  }
  let deepest: Issue | undefined;
  for (const branch of issue.errors) {
    const first = branch[0];
    if (first !== undefined && (deepest === undefined || first.path.length > deepest.path.length)) {
      deepest = first;
    }
  }
  if (deepest !== undefined && deepest.path.length > 0) return locateIssue(deepest, path);
  const expected = issue.errors
    .map((branch) => branch[0])
    .map((first) => (first?.code === 'invalid_type' ? first.expected : undefined))
    .filter((name): name is NonNullable<typeof name> => name !== undefined);
  return {
    path,
    message:
      expected.length === issue.errors.length
        ? `expected ${[...new Set(expected)].join(' or ')}`
        : issue.message,
  };
}

/**
 * Turns the first issue zod found into the 400 the browser gets, naming the field at fault:
 * `Invalid value for 'messages[2].content': expected string or array`.
 */
export function issueToRequestError(issues: readonly Issue[]): ChatRequestError {
  const first = issues[0];
  if (first === undefined) {
    return new ChatRequestError({ status: 400, message: 'The request body is invalid.' });
  }
  const located = locateIssue(first);
  const param = formatParamPath(located.path);
  const unrecognized = first.code === 'unrecognized_keys';
  return new ChatRequestError({
    status: 400,
    message:
      param === ''
        ? `Invalid request body: ${located.message}.`
        : `Invalid value for '${param}': ${located.message}.`,
    param: param === '' ? null : param,
    code: unrecognized ? 'unknown_parameter' : 'invalid_value',
  });
}

/**
 * Parses a request body with a schema from {@link createChatRequestSchema}, throwing a
 * {@link ChatRequestError} (400) that names the first wrong field.
 */
export function validateChatRequest(
  schema: z.ZodType<Record<string, unknown>>,
  body: unknown,
): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ChatRequestError({
      status: 400,
      message: 'The request body must be a JSON object.',
      code: 'invalid_body',
    });
  }
  const plain = parsePlainBody(schema, body);
  if (plain !== undefined) return plain;
  const result = schema.safeParse(body);
  if (!result.success) throw issueToRequestError(result.error.issues);
  return result.data;
}
