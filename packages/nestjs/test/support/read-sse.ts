import { decodeSSE, type ServerSentEvent } from '@chatwire/core';

/** Reads a whole `text/event-stream` response into its events. */
export async function readEvents(response: Response): Promise<ServerSentEvent[]> {
  if (response.body === null) throw new Error('The response has no body.');
  const events: ServerSentEvent[] = [];
  for await (const event of decodeSSE(response.body)) events.push(event);
  return events;
}

/** The text of a streamed answer: every chunk's first-choice content, joined. */
export function streamedText(events: readonly ServerSentEvent[]): string {
  let text = '';
  for (const event of events) {
    if (event.event !== 'message' || event.data === '[DONE]') continue;
    const chunk = JSON.parse(event.data) as { choices: Array<{ delta?: { content?: string } }> };
    text += chunk.choices[0]?.delta?.content ?? '';
  }
  return text;
}
