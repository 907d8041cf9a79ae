import { decodeSSE, type ServerSentEvent } from '@chatwire/core';

/** Every event of a server-sent event stream, in order. */
export async function readEvents(response: Response): Promise<ServerSentEvent[]> {
  if (response.body === null) throw new Error('The answer has no body.');
  const events: ServerSentEvent[] = [];
  for await (const event of decodeSSE(response.body)) events.push(event);
  return events;
}

/** The `data` of every event of a server-sent event stream, in order. */
export async function readEventData(response: Response): Promise<string[]> {
  return (await readEvents(response)).map((event) => event.data);
}

/** The text of a streamed answer: the first choice's content deltas joined, `[DONE]` left out. */
export function joinDeltas(data: readonly string[]): string {
  return data
    .filter((item) => item !== '[DONE]')
    .map((item) => {
      const chunk = JSON.parse(item) as { choices: Array<{ delta?: { content?: string | null } }> };
      return chunk.choices[0]?.delta?.content ?? '';
    })
    .join('');
}
