import type { ChatMessage } from '@chatwire/react';

const SYSTEM_PROMPT_ID = 'system-prompt';

/**
 * The conversation with `prompt` as its first message, replacing any system prompt it had, so
 * that every request carries the prompt as it is now in the field. An empty prompt removes it.
 */
export function withSystemPrompt(
  messages: readonly ChatMessage[],
  prompt: string,
): readonly ChatMessage[] {
  const rest = messages.filter((message) => message.role !== 'system');
  const text = prompt.trim();
  const current = messages[0];
  if (text === '') return rest.length === messages.length ? messages : rest;
  if (current?.role === 'system' && current.content === text) return messages;
  return [{ id: SYSTEM_PROMPT_ID, role: 'system', content: text }, ...rest];
}
