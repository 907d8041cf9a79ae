/** What a hand-made answer says, and the trace id it carries. */
export interface HandMadeAnswer {
  text: string;
  traceId: string;
}

/**
 * The body and headers of a Chat Completions stream that answers `text` in a few chunks, as
 * Portkey sends it: for a test that needs an exact answer (hostile HTML, a given Markdown) from
 * a stand-in for the API.
 */
export function sseAnswer({ text, traceId }: HandMadeAnswer): {
  headers: Record<string, string>;
  body: string;
} {
  const base = { id: 'chatcmpl-test', object: 'chat.completion.chunk', created: 0, model: 'test' };
  const pieces = text.match(/[\s\S]{1,40}/g) ?? [];
  const chunks = [
    ...pieces.map((content, index) => ({
      ...base,
      choices: [
        {
          index: 0,
          delta: index === 0 ? { role: 'assistant', content } : { content },
          finish_reason: null,
        },
      ],
    })),
    { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
    {
      ...base,
      choices: [],
      usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 },
    },
  ];
  return {
    headers: {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      'x-portkey-trace-id': traceId,
    },
    body: `${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('')}data: [DONE]\n\n`,
  };
}
