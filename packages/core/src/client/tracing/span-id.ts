const HEX_DIGITS = 16;

/**
 * A fresh span id: 16 random lowercase hex digits, never all zero (W3C Trace Context's
 * parent-id, Portkey's `x-portkey-span-id`).
 */
export function newSpanId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(HEX_DIGITS / 2));
  if (bytes.every((byte) => byte === 0)) bytes[0] = 1;
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
