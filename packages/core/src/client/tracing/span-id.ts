const HEX_DIGITS = 16;
const ALL_ZERO = '0'.repeat(HEX_DIGITS);

/** 16 random hex digits from a v4 UUID: Node serves those from a pool, without a call per id. */
function fromRandomUUID(randomUUID: () => string): string {
  const uuid = randomUUID();
  // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx: every x is random; the 4 (version) and V (variant)
  // are not, so they are skipped.
  return uuid.slice(0, 8) + uuid.slice(9, 13) + uuid.slice(15, 18) + uuid.slice(24, 25);
}

function fromRandomBytes(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(HEX_DIGITS / 2));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A fresh span id: 16 random lowercase hex digits, never all zero (W3C Trace Context's
 * parent-id, Portkey's `x-portkey-span-id`).
 */
export function newSpanId(): string {
  const crypto = globalThis.crypto;
  const id =
    typeof crypto.randomUUID === 'function'
      ? fromRandomUUID(() => crypto.randomUUID())
      : fromRandomBytes();
  return id === ALL_ZERO ? `${id.slice(0, -1)}1` : id;
}
