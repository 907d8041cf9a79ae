import { type PortkeyFailureBody, portkeyFailure } from './error-bodies.js';
import { configIssues, hasProviderDetails, type PortkeyConfigNode } from './portkey-config.js';
import { isKnownProvider } from './portkey-providers.js';

/** The Portkey options of a request after validation. */
export interface PortkeyRequestOptions {
  /** The provider named by the header or the config; `openai` when none is named. */
  provider: string;
  /** The parsed config, or `undefined` for none or a saved config id. */
  config: PortkeyConfigNode | undefined;
}

/** How strictly {@link validatePortkeyHeaders} follows the open-source gateway. */
export interface PortkeyValidationOptions {
  /** Refuse a request that names neither a provider nor a config, as the gateway does. */
  strictGateway?: boolean;
}

/** The validation outcome: the options, or the gateway's 400 body. */
export type PortkeyValidation =
  | { ok: true; options: PortkeyRequestOptions }
  | { ok: false; body: PortkeyFailureBody };

const ACCEPTED_CONTENT_TYPES = ['application/json', 'multipart/form-data'];
const SAVED_CONFIG_ID = /^[\w-]+$/;

/**
 * The gateway's custom host rules that matter off the cloud: an http(s) URL without credentials,
 * control characters or a trailing dot, and never Portkey itself.
 */
export function isValidCustomHost(host: string): boolean {
  const trimmed = host.trim().toLowerCase();
  if (!trimmed || /[\u0000-\u001f\u007f]/.test(host) || trimmed.includes('api.portkey'))
    return false;
  let url: URL;
  try {
    url = new URL(host.trim());
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password || host.includes('@')) return false;
  return url.hostname !== '' && !url.hostname.endsWith('.') && !url.hostname.includes('%');
}

function failure(message: string, errors?: string[]): PortkeyValidation {
  return { ok: false, body: portkeyFailure(message, errors) };
}

/**
 * Validates the `x-portkey-*` headers of a chat completions request with the gateway's checks
 * and messages, in the gateway's order. Unlike the gateway, a request that names no provider and
 * no config is accepted (hosted Portkey accepts it when the API key has a default provider),
 * unless `strictGateway` is set.
 */
export function validatePortkeyHeaders(
  headers: Record<string, string>,
  { strictGateway = false }: PortkeyValidationOptions = {},
): PortkeyValidation {
  const contentType = headers['content-type']?.split(';')[0]?.trim();
  if (
    contentType &&
    !ACCEPTED_CONTENT_TYPES.includes(contentType) &&
    !contentType.startsWith('audio/')
  ) {
    return failure('Invalid content type passed');
  }
  const provider = headers['x-portkey-provider'];
  const rawConfig = headers['x-portkey-config'];
  if (strictGateway && !provider && !rawConfig) {
    return failure('Either x-portkey-config or x-portkey-provider header is required');
  }
  if (provider !== undefined && !isKnownProvider(provider))
    return failure('Invalid provider passed');
  const customHost = headers['x-portkey-custom-host'];
  if (customHost !== undefined && !isValidCustomHost(customHost))
    return failure('Invalid custom host');
  let config: PortkeyConfigNode | undefined;
  if (rawConfig !== undefined && !SAVED_CONFIG_ID.test(rawConfig.trim())) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawConfig);
    } catch {
      return failure('Invalid config passed. You need to pass a valid json');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return failure('Invalid config passed. You need to pass a valid json');
    }
    const record = parsed as Record<string, unknown>;
    if (!provider && !headers['x-portkey-virtual-key'] && !hasProviderDetails(record)) {
      return failure(
        'Either x-portkey-provider needs to be passed. Or the x-portkey-config header should have a valid config with provider details in it.',
      );
    }
    const issues = configIssues(record);
    if (issues.length > 0) return failure('Invalid config passed', issues);
    if (record.options !== undefined) {
      return failure(
        'This version of config is not supported in this route. Please migrate to the latest version',
      );
    }
    config = record as PortkeyConfigNode;
  }
  const configProvider = typeof config?.provider === 'string' ? config.provider : undefined;
  const named = provider ?? configProvider ?? 'openai';
  return { ok: true, options: { provider: named.startsWith('@') ? 'openai' : named, config } };
}
