/** The body of an error as OpenAI sends it, which Portkey passes on with a provider prefix. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** The body of an error raised by the Portkey gateway itself. */
export interface PortkeyFailureBody {
  status: 'failure';
  message: string;
  errors?: string[];
}

/** An OpenAI-shaped error body. */
export function openAIError(
  message: string,
  type: string,
  param: string | null = null,
  code: string | null = null,
): OpenAIErrorBody {
  return { error: { message, type, param, code } };
}

/** An OpenAI-shaped `invalid_request_error`. */
export function invalidRequest(
  message: string,
  param: string | null = null,
  code: string | null = null,
): OpenAIErrorBody {
  return openAIError(message, 'invalid_request_error', param, code);
}

/** A Portkey gateway failure body. */
export function portkeyFailure(message: string, errors?: string[]): PortkeyFailureBody {
  return errors ? { status: 'failure', message, errors } : { status: 'failure', message };
}
