import { dataEvent } from './responses.js';

/** A complete non-streamed answer. */
export function completionBody(content = 'Hello!'): Record<string, unknown> {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'gpt-4o-mini',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
  };
}

/** One `data:` event of a chat completion stream. */
export function chunkEvent(content: string, finishReason: string | null = null): string {
  const chunk = {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, delta: { content }, finish_reason: finishReason }],
  };
  return dataEvent(chunk);
}

/** The smallest chat completion request. */
export const request = {
  model: 'gpt-4o-mini',
  messages: [{ role: 'user' as const, content: 'Hi' }],
};
