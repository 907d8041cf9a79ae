/** How the benchmark answer arrives: tokens per network read, and one read per millisecond. */
export const TOKENS_PER_READ = 4;

/** The `count` tokens of the benchmark answer. */
export function benchTokens(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `tok${i} `);
}

/** A body that hands out one group of SSE events per millisecond, like a model streaming. */
function pacedBody(events: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (next >= events.length) return controller.close();
        await new Promise((resolve) => setTimeout(resolve, 1));
        const group = events.slice(next, next + TOKENS_PER_READ).join('');
        next += TOKENS_PER_READ;
        controller.enqueue(encoder.encode(group));
      },
    },
    { highWaterMark: 0 },
  );
}

const data = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;

/** A `fetch` answering with the OpenAI/Portkey chunk stream of `tokens`. */
export function openAIChunkFetch(tokens: readonly string[]): typeof fetch {
  const base = { id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 0, model: 'm' };
  return async () => {
    const events = [
      data({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] }),
      ...tokens.map((content) =>
        data({ ...base, choices: [{ index: 0, delta: { content }, finish_reason: null }] }),
      ),
      data({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }),
      'data: [DONE]\n\n',
    ];
    return new Response(pacedBody(events), {
      headers: { 'content-type': 'text/event-stream' },
    });
  };
}

/** A `fetch` answering with the AI SDK UI message stream protocol carrying the same tokens. */
export function uiMessageStreamFetch(tokens: readonly string[]): typeof fetch {
  return async () => {
    const events = [
      data({ type: 'start', messageId: 'msg-bench' }),
      data({ type: 'start-step' }),
      data({ type: 'text-start', id: 'text-1' }),
      ...tokens.map((delta) => data({ type: 'text-delta', id: 'text-1', delta })),
      data({ type: 'text-end', id: 'text-1' }),
      data({ type: 'finish-step' }),
      data({ type: 'finish' }),
      'data: [DONE]\n\n',
    ];
    return new Response(pacedBody(events), {
      headers: { 'content-type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' },
    });
  };
}
