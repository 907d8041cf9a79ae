/**
 * `pieces` as one array of bytes, `size` long (their total, worked out when not given). One
 * piece is returned as it is, without a copy.
 */
export function concatBytes(pieces: readonly Uint8Array[], size?: number): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  let length = size ?? 0;
  if (size === undefined) for (const piece of pieces) length += piece.byteLength;
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const piece of pieces) {
    joined.set(piece, offset);
    offset += piece.byteLength;
  }
  return joined;
}
