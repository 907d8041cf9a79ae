import { PORTKEY_HEADER_NAMES, type PortkeyOptionName } from './header-names.js';
import { optionHeaderValue } from './option-header-value.js';
import type { PortkeyOptions } from './portkey-options.js';

const OPTION_NAMES = Object.keys(PORTKEY_HEADER_NAMES) as PortkeyOptionName[];

/**
 * Turns Portkey options into request headers: lowercase names (`x-portkey-*` and
 * `authorization`) mapped to values ready for `fetch`.
 *
 * Strings are sent as given; booleans as `true`/`false`; numbers as decimal strings; `config`
 * (when an object), `metadata` and `vertexServiceAccountJson` (when an object) as compact JSON
 * with non-ASCII characters `\u`-escaped. Options left out, `null`, blank strings, `{}` and `[]`
 * send nothing. Keys that are not Portkey options are ignored.
 *
 * @throws {InvalidOptionError} when a value cannot be sent safely: a line break, NUL or other
 * character a header cannot carry, metadata that is not a flat object of strings of at most 128
 * characters, a `forwardHeaders` entry that is not a header name, a value of the wrong type.
 *
 * @example
 * ```ts
 * buildPortkeyHeaders({ apiKey: process.env.PORTKEY_API_KEY, provider: '@openai-prod', traceId: 'checkout-42' });
 * // { 'x-portkey-api-key': '…', 'x-portkey-provider': '@openai-prod', 'x-portkey-trace-id': 'checkout-42' }
 * ```
 */
export function buildPortkeyHeaders(options: PortkeyOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const option of OPTION_NAMES) {
    const value = optionHeaderValue(option, options[option]);
    if (value !== undefined) headers[PORTKEY_HEADER_NAMES[option]] = value;
  }
  return headers;
}
