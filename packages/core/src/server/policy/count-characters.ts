/** Content parts whose payload is media, not prompt text. */
const MEDIA_PARTS: ReadonlySet<unknown> = new Set(['image_url', 'input_audio', 'file']);

/**
 * Sums the lengths of every string and object key in a value, stopping early once past `limit`
 * (keys count because a schema's property names are as much text as its descriptions). Media
 * parts are skipped: a photo's data URL is large but is not prompt text.
 */
export function countCharacters(value: unknown, limit: number): number {
  let total = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0 && total <= limit) {
    const next = pending.pop();
    if (typeof next === 'string') {
      total += next.length;
    } else if (Array.isArray(next)) {
      pending.push(...next);
    } else if (next !== null && typeof next === 'object') {
      if (MEDIA_PARTS.has((next as { type?: unknown }).type)) continue;
      for (const [key, item] of Object.entries(next)) {
        total += key.length;
        pending.push(item);
      }
    }
  }
  return total;
}
