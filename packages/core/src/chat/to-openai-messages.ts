import type { ChatCompletionContentPart, ChatCompletionMessageParam } from '../types/index.js';
import { type ChatMessage, type ChatToolCall, isToolCallSettled } from './chat-message.js';

/**
 * Converts chat messages to the Chat Completions `messages` of a request: images become
 * `image_url` parts, an assistant's settled tool calls become `tool_calls` followed by one
 * `tool` message per result. Tool calls without a result are left out (the API refuses a call
 * without an answer), and so is an assistant message left with nothing to say.
 */
export function toOpenAIMessages(messages: readonly ChatMessage[]): ChatCompletionMessageParam[] {
  const params: ChatCompletionMessageParam[] = [];
  for (const message of messages) {
    if (message.role === 'system') {
      params.push({ role: 'system', content: message.content });
    } else if (message.role === 'user') {
      params.push({ role: 'user', content: userContent(message) });
    } else {
      const settled = (message.toolCalls ?? []).filter(isToolCallSettled);
      if (message.content === '' && settled.length === 0) continue;
      params.push({
        role: 'assistant',
        content: message.content === '' ? null : message.content,
        ...(settled.length > 0 && {
          tool_calls: settled.map((call) => ({
            id: call.id,
            type: 'function' as const,
            function: { name: call.name, arguments: call.arguments },
          })),
        }),
      });
      for (const call of settled) {
        params.push({ role: 'tool', tool_call_id: call.id, content: toolResultText(call) });
      }
    }
  }
  return params;
}

function userContent(message: ChatMessage): string | ChatCompletionContentPart[] {
  if (!message.images?.length) return message.content;
  const parts: ChatCompletionContentPart[] = [];
  if (message.content !== '') parts.push({ type: 'text', text: message.content });
  for (const image of message.images) {
    parts.push({
      type: 'image_url',
      image_url: image.detail ? { url: image.url, detail: image.detail } : { url: image.url },
    });
  }
  return parts;
}

function toolResultText(call: ChatToolCall): string {
  if (call.status === 'error') return JSON.stringify({ error: call.error ?? 'Tool call failed.' });
  return typeof call.result === 'string' ? call.result : (JSON.stringify(call.result) ?? 'null');
}
