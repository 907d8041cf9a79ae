/** The fields of an error body that an `APIError` exposes. */
export interface ErrorBodyFields {
  message: string | undefined;
  type: string | null;
  code: string | null;
  param: string | null;
}

function stringOrNull(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

/**
 * Reads the two error shapes Portkey answers with: the OpenAI one
 * (`{"error": {"message", "type", "code", "param"}}`) and the gateway's own
 * (`{"status": "failure", "message"}`).
 */
export function readErrorBody(body: unknown): ErrorBodyFields {
  const fields: ErrorBodyFields = { message: undefined, type: null, code: null, param: null };
  if (typeof body === 'string') {
    if (body.length > 0) fields.message = body;
    return fields;
  }
  if (body === null || typeof body !== 'object') return fields;
  const record = body as Record<string, unknown>;
  const inner = record.error;
  if (inner !== null && typeof inner === 'object') {
    const error = inner as Record<string, unknown>;
    fields.message = stringOrNull(error.message) ?? undefined;
    fields.type = stringOrNull(error.type);
    fields.code = stringOrNull(error.code);
    fields.param = stringOrNull(error.param);
  } else if (typeof inner === 'string') {
    fields.message = inner;
  }
  if (fields.message === undefined && typeof record.message === 'string') {
    fields.message = record.message;
  }
  return fields;
}

/** The longest piece of an error body quoted in a message. */
const MAX_BODY_SNIPPET = 200;

/** Says why there is no message to show: no body at all, or a body that holds none. */
function missingMessage(body: unknown): string {
  if (body === undefined || body === null || body === '') return 'no body';
  let text: string;
  try {
    text = typeof body === 'string' ? body : (JSON.stringify(body) ?? String(body));
  } catch {
    text = String(body);
  }
  const snippet = text.length > MAX_BODY_SNIPPET ? `${text.slice(0, MAX_BODY_SNIPPET - 1)}…` : text;
  return `no message in the body: ${snippet}`;
}

/** The message of an `APIError`: the status and the server's words, or why there are none. */
export function describeStatus(
  status: number | undefined,
  detail: string | undefined,
  body: unknown,
): string {
  if (status === undefined) {
    if (detail !== undefined) return detail;
    return body === undefined
      ? 'The request failed.'
      : `The request failed (${missingMessage(body)}).`;
  }
  return detail === undefined
    ? `${status} status code (${missingMessage(body)})`
    : `${status} ${detail}`;
}
