import type { ChatMessage } from './chat-message.js';
import type { ChatInput } from './chat-store-options.js';

/** The user message that sends `input`: its text, and its images as `{ url }` when given as URLs. */
export function createUserMessage(id: string, input: ChatInput): ChatMessage {
  const text = typeof input === 'string' ? input : input.text;
  const images = typeof input === 'string' ? undefined : input.images;
  const message: ChatMessage = { id, role: 'user', content: text };
  if (images?.length) {
    message.images = images.map((image) => (typeof image === 'string' ? { url: image } : image));
  }
  return message;
}
