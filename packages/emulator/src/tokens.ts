/**
 * A small, deterministic stand-in for a BPE tokenizer: words with their leading space, runs of
 * digits and runs of punctuation each count as one token, which is close enough to real counts for
 * usage figures and gives natural-looking stream deltas.
 */
const TOKEN_PATTERN = / ?[\p{L}\p{M}']+| ?\p{N}{1,3}| ?[^\s\p{L}\p{M}\p{N}]+|\s+/gu;

/** Splits text into tokens whose concatenation is the text itself. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN_PATTERN) ?? [];
}

/** Number of tokens in a text. */
export function countTokens(text: string): number {
  return tokenize(text).length;
}

/** A stable 32-bit FNV-1a hash, used wherever a reply must vary with its input yet repeat. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
