import { InvalidOptionError } from '../errors/index.js';
import type { PortkeyOptionName } from './header-names.js';
import { checkHeaderValue, HEADER_NAME, toHeaderJson } from './header-value.js';
import { metadataHeaderValue } from './metadata-header.js';

type Serializer = (option: PortkeyOptionName, value: unknown) => string | undefined;

const BEARER_PREFIX = /^bearer[ \t]+/i;

const serializeString: Serializer = (option, value) => {
  if (typeof value !== 'string') throw wrongType(option, 'a string', value);
  return checkHeaderValue(option, value);
};

const serializeBoolean: Serializer = (option, value) => {
  if (typeof value !== 'boolean') throw wrongType(option, 'a boolean', value);
  return value ? 'true' : 'false';
};

const serializeCount: Serializer = (option, value) => {
  if (typeof value !== 'number') throw wrongType(option, 'a number', value);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidOptionError(
      option,
      `Portkey option "${option}" must be a non-negative whole number, not ${value}.`,
    );
  }
  return String(value);
};

const serializeStringOrJson: Serializer = (option, value) => {
  if (typeof value === 'string') return checkHeaderValue(option, value);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return toHeaderJson(option, value);
  }
  throw wrongType(option, 'a string or an object', value);
};

const SERIALIZERS: Partial<Record<PortkeyOptionName, Serializer>> = {
  config: serializeStringOrJson,
  vertexServiceAccountJson: serializeStringOrJson,
  metadata: (_option, value) => metadataHeaderValue(value),
  // Presence alone makes the gateway refresh, so `false` must send nothing.
  cacheForceRefresh: (option, value) =>
    serializeBoolean(option, value) === 'true' ? 'true' : undefined,
  debug: serializeBoolean,
  strictOpenAiCompliance: serializeBoolean,
  mistralFimCompletion: serializeBoolean,
  requestTimeout: serializeCount,
  fileUploadSize: serializeCount,
  forwardHeaders: (option, value) => {
    if (!Array.isArray(value)) throw wrongType(option, 'an array of header names', value);
    const names = value.map((name: unknown) => {
      if (typeof name !== 'string' || !HEADER_NAME.test(name)) {
        throw new InvalidOptionError(
          option,
          `Portkey option "${option}" lists ${JSON.stringify(name)}, which is not a header name.`,
        );
      }
      return name.toLowerCase();
    });
    return names.join(',');
  },
  authorization: (option, value) => {
    if (typeof value !== 'string') throw wrongType(option, 'a string', value);
    // The gateway strips exactly "Bearer " to find the credential, so the scheme is normalised.
    const credential = value.replace(BEARER_PREFIX, '');
    if (isBlank(credential)) return undefined;
    return checkHeaderValue(option, `Bearer ${credential}`);
  },
};

/**
 * The header value of one option, or `undefined` when the option sends no header: not given,
 * `null`, a blank string, `{}` or `[]`.
 */
export function optionHeaderValue(option: PortkeyOptionName, value: unknown): string | undefined {
  if (isUnset(value)) return undefined;
  return (SERIALIZERS[option] ?? serializeString)(option, value);
}

function isUnset(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return isBlank(value);
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function isBlank(value: string): boolean {
  return value.trim() === '';
}

function wrongType(option: string, expected: string, value: unknown): InvalidOptionError {
  const actual = Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  return new InvalidOptionError(
    option,
    `Portkey option "${option}" must be ${expected}, not ${actual}.`,
  );
}
