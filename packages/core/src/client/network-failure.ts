/**
 * undici's codes for a connection that failed, broke or answered garbage. Its other codes
 * (`UND_ERR_INVALID_ARG`, `UND_ERR_NOT_SUPPORTED`, …) mean the request itself was wrong, which
 * no retry can mend.
 */
const UNDICI_NETWORK_CODES: ReadonlySet<string> = new Set([
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
  'UND_ERR_INFO',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_PRX_TLS',
]);

// Node's system errors: ECONNREFUSED, ECONNRESET, ENOTFOUND, EAI_AGAIN, ETIMEDOUT, EPIPE, …
// (its ERR_* codes are programming errors).
const SYSTEM_ERROR_CODE = /^E(?!RR_)[A-Z0-9_]+$/;
// llhttp's parse errors: the server sent something that is not HTTP.
const PARSER_ERROR_CODE = /^HPE_/;

/**
 * Whether `error`, thrown by a transport, means the network failed (worth a retry) rather than
 * that the request could not be sent as given. `fetch` reports network failures as a
 * `TypeError`, in browsers without any detail, so one is taken as a network failure unless its
 * `cause` says otherwise.
 */
export function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    return (
      UNDICI_NETWORK_CODES.has(code) || SYSTEM_ERROR_CODE.test(code) || PARSER_ERROR_CODE.test(code)
    );
  }
  if (!(error instanceof TypeError)) return false;
  return error.cause instanceof Error ? isNetworkFailure(error.cause) : true;
}
