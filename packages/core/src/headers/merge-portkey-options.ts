import type { PortkeyMetadata, PortkeyOptions } from './portkey-options.js';

/**
 * Combines the client's Portkey options with one call's, for that call only. Neither input is
 * changed, so nothing a call sets sticks to the client.
 *
 * - An option the call sets to a value replaces the client's, whole: a per-request `config`
 *   replaces the client's config rather than being merged into it, and so does `forwardHeaders`.
 * - An option the call leaves out or sets to `undefined` keeps the client's value.
 * - An option the call sets to `null` sends no header for this call, whatever the client has.
 * - `metadata` is merged key by key, the call's value winning, so a call can add a `_user` to
 *   the client's `environment` tag; the call's `undefined` values keep the client's, and
 *   `metadata: null` sends none.
 *
 * @example
 * ```ts
 * const client = { apiKey, metadata: { environment: 'production' } };
 * mergePortkeyOptions(client, { traceId: 'order-7', metadata: { _user: 'user-42' } });
 * // { apiKey, traceId: 'order-7', metadata: { environment: 'production', _user: 'user-42' } }
 * ```
 */
export function mergePortkeyOptions(
  client: PortkeyOptions,
  request?: PortkeyOptions,
): PortkeyOptions {
  const merged: Record<string, unknown> = { ...client };
  if (request) {
    for (const [option, value] of Object.entries(request)) {
      if (value !== undefined) merged[option] = value;
    }
  }
  const metadata = mergeMetadata(client.metadata, request?.metadata);
  if (metadata !== undefined) merged.metadata = metadata;
  return merged as PortkeyOptions;
}

function mergeMetadata(
  client: PortkeyMetadata | null | undefined,
  request: PortkeyMetadata | null | undefined,
): PortkeyMetadata | null | undefined {
  if (request === null) return null;
  if (!isRecord(client) || !isRecord(request)) {
    const only = request ?? client;
    return isRecord(only) ? { ...only } : only;
  }
  const merged: PortkeyMetadata = { ...client };
  for (const [key, value] of Object.entries(request)) {
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

function isRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
