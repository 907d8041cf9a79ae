let counter = 0;

/**
 * Makes a message id unique within the page. `crypto.randomUUID` is not used because browsers
 * offer it only in secure contexts.
 */
export function createMessageId(): string {
  counter = (counter + 1) % Number.MAX_SAFE_INTEGER;
  return `msg-${Date.now().toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
