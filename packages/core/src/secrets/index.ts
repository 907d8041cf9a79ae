export { CREDENTIAL_HEADERS, secretValuesOf } from './credential-headers.js';
export { REDACTED, redactText, redactUrlCredentials, redactValue } from './redact-secrets.js';
