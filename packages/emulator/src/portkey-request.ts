/** Whether a request speaks to Portkey (any `x-portkey-*` header) rather than to the provider. */
export function isPortkeyRequest(headers: Record<string, string>): boolean {
  return Object.keys(headers).some((name) => name.startsWith('x-portkey-'));
}
