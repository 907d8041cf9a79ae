/** What a client of a chat endpoint receives for one streamed question. */
export interface StreamedAnswer {
  status: number;
  contentType: string | null;
  /** The `chat.completion.chunk` events, in order. */
  chunks: number;
  /** The answer's text, joined from the chunks' deltas. */
  text: string;
  /** Whether the stream ended with `data: [DONE]`. */
  done: boolean;
}

/** Posts one user message with `stream: true` to `url` and reads the whole event stream. */
export async function askStreaming(url: string): Promise<StreamedAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'Say hello' }], stream: true }),
  });
  const body = await response.text();
  const data = body
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => line.slice('data: '.length));
  const chunks = data.filter((value) => value !== '[DONE]').map((value) => JSON.parse(value));
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    chunks: chunks.length,
    text: chunks.map((chunk) => chunk.choices?.[0]?.delta?.content ?? '').join(''),
    done: data.at(-1) === '[DONE]',
  };
}
