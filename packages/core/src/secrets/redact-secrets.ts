/** What stands in the place of a secret in redacted text. */
export const REDACTED = '[redacted]';

/**
 * The text with every occurrence of each secret replaced by {@link REDACTED}. `secrets` should
 * be ordered longest first (as `secretValuesOf` returns them).
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) {
    if (redacted.includes(secret)) redacted = redacted.replaceAll(secret, REDACTED);
  }
  return redacted;
}

/** Error bodies are small; anything nested deeper than this is dropped rather than walked. */
const MAX_DEPTH = 64;

/**
 * A copy of a parsed JSON value (an error body) with secrets redacted in every string, keys
 * included. Objects that are not plain data are returned as they are; parts nested deeper than
 * 64 levels are replaced by {@link REDACTED}.
 */
export function redactValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') return redactText(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[redactText(key, secrets)] = redactValue(inner, secrets, depth + 1);
  }
  return copy;
}

/** The URL with a user name and password in it replaced by {@link REDACTED}, for messages. */
export function redactUrlCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/i, `$1${REDACTED}@`);
}

/** A copy of response headers with secrets redacted in every value, for an error to keep. */
export function redactHeaders(headers: Headers, secrets: readonly string[]): Headers {
  if (secrets.length === 0) return headers;
  const copy = new Headers();
  for (const [name, value] of headers) copy.append(name, redactText(value, secrets));
  return copy;
}
