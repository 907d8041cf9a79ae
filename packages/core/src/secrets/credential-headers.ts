/**
 * Request headers whose values are credentials: Portkey's and the providers' keys, tokens and
 * private keys, and the generic authentication headers. Their values must never reach a
 * browser or a log, even when an upstream echoes them back.
 */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'api-key',
  'x-api-key',
  'x-portkey-api-key',
  'x-portkey-virtual-key',
  'x-portkey-azure-ad-token',
  'x-portkey-azure-entra-client-secret',
  'x-portkey-aws-access-key-id',
  'x-portkey-aws-secret-access-key',
  'x-portkey-aws-session-token',
  'x-portkey-vertex-service-account-json',
  'x-portkey-oracle-private-key',
  'x-portkey-oracle-key-passphrase',
]);

/** Headers whose value is JSON that may hold credentials among other settings. */
const JSON_HEADERS: ReadonlySet<string> = new Set([
  'x-portkey-config',
  'x-portkey-vertex-service-account-json',
]);

/** Keys of a Portkey config (or service account) whose string values are credentials. */
const CREDENTIAL_KEY = /key|secret|token|password|passphrase|credential|authorization/i;

/**
 * Secrets shorter than this are not looked for: replacing every "a" or "42" in a message would
 * garble it while protecting nothing.
 */
const MIN_SECRET_LENGTH = 6;

function addSecret(secrets: Set<string>, value: string): void {
  const trimmed = value.trim();
  if (trimmed.length >= MIN_SECRET_LENGTH) secrets.add(trimmed);
}

function collectFromJson(value: unknown, secrets: Set<string>, underCredentialKey: boolean): void {
  if (typeof value === 'string') {
    if (underCredentialKey) addSecret(secrets, value);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    collectFromJson(inner, secrets, underCredentialKey || CREDENTIAL_KEY.test(key));
  }
}

function collectFromHeader(name: string, value: string, secrets: Set<string>): void {
  if (JSON_HEADERS.has(name) && value.startsWith('{')) {
    try {
      collectFromJson(JSON.parse(value), secrets, false);
    } catch {
      // Not JSON after all: a saved config id, which is no secret.
    }
  }
  if (!CREDENTIAL_HEADERS.has(name)) return;
  addSecret(secrets, value);
  // "Bearer sk-…": an upstream quoting the key alone must be caught too.
  const space = value.indexOf(' ');
  if (space !== -1) addSecret(secrets, value.slice(space + 1));
}

/**
 * The credential values among the headers of a request (lowercase names), longest first so
 * that a key is replaced whole before any shorter secret inside it.
 */
export function secretValuesOf(headers: Readonly<Record<string, string>>): string[] {
  const secrets = new Set<string>();
  for (const [name, value] of Object.entries(headers)) collectFromHeader(name, value, secrets);
  return [...secrets].sort((a, b) => b.length - a.length);
}
