import { describe, expect, it } from 'vitest';
import { toOpenAIMessages } from '../../src/chat/index.js';

describe('toOpenAIMessages', () => {
  it('keeps plain text messages as strings and drops empty or unanswered assistant turns', () => {
    expect(
      toOpenAIMessages([
        { id: '1', role: 'system', content: 'Be brief.' },
        { id: '2', role: 'user', content: 'Hi' },
        { id: '3', role: 'assistant', content: '', partial: true },
        {
          id: '4',
          role: 'assistant',
          content: 'Let me check.',
          toolCalls: [{ id: 'c1', name: 'f', arguments: '{}', status: 'ready' }],
        },
      ]),
    ).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Let me check.' },
    ]);
  });

  it('sends image details and string tool results as they are', () => {
    expect(
      toOpenAIMessages([
        {
          id: '1',
          role: 'user',
          content: '',
          images: [{ url: 'https://example.com/a.png', detail: 'low' }],
        },
        {
          id: '2',
          role: 'assistant',
          content: '',
          toolCalls: [{ id: 'c1', name: 'f', arguments: '{}', status: 'done', result: 'plain' }],
        },
      ]),
    ).toEqual([
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
        ],
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'c1', content: 'plain' },
    ]);
  });
});
