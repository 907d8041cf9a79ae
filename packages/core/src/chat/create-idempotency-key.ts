import { createMessageId } from './create-message-id.js';

/**
 * A fresh `Idempotency-Key` for a turn: a UUID where the page may make one (browsers offer
 * `crypto.randomUUID` only in secure contexts), else an id unique within the page.
 */
export function createIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? createMessageId();
}
