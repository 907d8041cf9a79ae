import { InvalidOptionError } from '../errors/index.js';

/** CR, LF or NUL: characters that would let a header value smuggle in headers of its own. */
export const LINE_BREAK_OR_NUL = /[\r\n\0]/;
/** RFC 9110 token characters: anything else cannot be a header name. */
export const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// What undici and Node's http accept in a header value: tab, visible ASCII, and obs-text.
const NOT_HEADER_SAFE = /[^\t\x20-\x7e\x80-\xff]/u;
const NOT_ASCII_PRINTABLE = /[\u007f-\uffff]/g;

/**
 * Returns `value` when it can be sent as a header value, and refuses it otherwise: line breaks
 * and NUL would let a value smuggle in extra headers, and other control characters or characters
 * beyond U+00FF make `fetch` throw later, far from the option that caused it.
 */
export function checkHeaderValue(option: string, value: string): string {
  return checkValue(option, `Portkey option "${option}"`, value);
}

/**
 * Returns the value of a header given as is in `option` (`defaultHeaders` or a call's
 * `headers`) when it can be sent, and refuses a name that is not an RFC 9110 token or a value
 * that {@link checkHeaderValue} would refuse, naming the header.
 */
export function checkRawHeader(option: string, name: string, value: unknown): string {
  const path = `${option}.${name}`;
  if (!HEADER_NAME.test(name)) {
    throw new InvalidOptionError(
      path,
      `${JSON.stringify(name)} in ${option} is not a header name.`,
    );
  }
  if (typeof value !== 'string') {
    throw new InvalidOptionError(path, `Header "${name}" in ${option} must be a string.`);
  }
  return checkValue(path, `Header "${name}" in ${option}`, value);
}

function checkValue(option: string, subject: string, value: string): string {
  if (LINE_BREAK_OR_NUL.test(value)) {
    throw new InvalidOptionError(
      option,
      `${subject} contains a line break or NUL character, which a header value cannot carry.`,
    );
  }
  const unsafe = NOT_HEADER_SAFE.exec(value);
  if (unsafe) {
    const codePoint = unsafe[0].codePointAt(0) ?? 0;
    throw new InvalidOptionError(
      option,
      `${subject} contains the character U+${hex(codePoint)}, which a header value cannot carry (only tab, printable ASCII and U+0080 to U+00FF).`,
    );
  }
  return value;
}

/**
 * Serialises `value` as compact JSON with every character outside printable ASCII written as a
 * `\uXXXX` escape, so that any text survives the trip through a header and the gateway's
 * `JSON.parse` gives back the original strings.
 */
export function toHeaderJson(option: string, value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new InvalidOptionError(
      option,
      `Portkey option "${option}" cannot be serialised as JSON: ${(error as Error).message}`,
    );
  }
  if (json === undefined) {
    throw new InvalidOptionError(
      option,
      `Portkey option "${option}" cannot be serialised as JSON.`,
    );
  }
  const ascii = json.replace(
    NOT_ASCII_PRINTABLE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return checkHeaderValue(option, ascii);
}

function hex(codePoint: number): string {
  return codePoint.toString(16).toUpperCase().padStart(4, '0');
}
