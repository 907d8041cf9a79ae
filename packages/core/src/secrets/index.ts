export { CREDENTIAL_HEADERS, secretValuesOf } from './credential-headers.js';
export {
  REDACTED,
  redactHeaders,
  redactText,
  redactUrlCredentials,
  redactValue,
} from './redact-secrets.js';
