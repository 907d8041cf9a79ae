import { type ChatwireClient, createClient, InvalidOptionError } from '@chatwire/core';
import type { ChatwireModuleOptions } from './chatwire-module-options.js';

const HOSTED_GATEWAY_HOST = 'api.portkey.ai';

function fromEnv(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function blankToUndefined<T>(value: T | string | undefined): T | string | undefined {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

function refuse(option: string, message: string): InvalidOptionError {
  return new InvalidOptionError(option, `ChatwireModule: ${message}`);
}

function gatewayHost(baseURL: string, source: string): string {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    throw refuse(
      'baseURL',
      `${source} must be an absolute URL such as https://api.portkey.ai/v1; got ${JSON.stringify(baseURL)}.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw refuse(
      'baseURL',
      `${source} must be an http or https URL; got ${JSON.stringify(baseURL)}.`,
    );
  }
  return url.hostname;
}

/**
 * Checks the module options and creates the module's client. Blank strings (what
 * `ConfigService.get` returns for an empty variable) count as unset, so the environment
 * fallbacks still apply.
 *
 * @throws {InvalidOptionError} naming the option and environment variable to set, when no
 *   gateway or no API key for the hosted gateway resolves, or an option is invalid.
 */
export function createModuleClient(options: ChatwireModuleOptions | undefined): ChatwireClient {
  if (options === null || typeof options !== 'object') {
    throw refuse(
      'options',
      `the module options must be an object; forRootAsync's useFactory returned ${String(options)}.`,
    );
  }
  const { endpoint: _endpoint, ...clientOptions } = options;
  const baseURL = blankToUndefined(clientOptions.baseURL);
  const apiKey = blankToUndefined(clientOptions.apiKey);

  const host =
    baseURL !== undefined
      ? gatewayHost(baseURL, 'the baseURL option')
      : gatewayHost(
          fromEnv('PORTKEY_BASE_URL') ?? `https://${HOSTED_GATEWAY_HOST}/v1`,
          'PORTKEY_BASE_URL',
        );
  // `null` asks for no key at all; only an absent one falls back to the environment.
  const keyResolves =
    apiKey === undefined ? fromEnv('PORTKEY_API_KEY') !== undefined : apiKey !== null;
  if (host === HOSTED_GATEWAY_HOST && !keyResolves) {
    throw refuse(
      'apiKey',
      "no Portkey API key for the hosted gateway (api.portkey.ai). Set the 'apiKey' option or the PORTKEY_API_KEY environment variable, or point 'baseURL' (or PORTKEY_BASE_URL) at a self-hosted gateway or the emulator.",
    );
  }
  try {
    return createClient({ ...clientOptions, baseURL, apiKey });
  } catch (error) {
    if (error instanceof InvalidOptionError) throw refuse(error.option, error.message);
    throw error;
  }
}
