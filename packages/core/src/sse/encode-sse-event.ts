const encoder = new TextEncoder();

/**
 * Writes one server-sent event in the form Portkey and OpenAI send it: an `event:` line only for
 * named events, one `data:` line per line of `data`, and a blank line.
 *
 * @param data The event's data, sent as it is (a chunk's JSON text, or `[DONE]`).
 * @param event The event type; `'message'` (the default type) writes no `event:` line.
 */
export function encodeSSEEvent(data: string, event = 'message'): Uint8Array {
  const head = event === 'message' ? '' : `event: ${event}\n`;
  const body = data.includes('\n') ? data.split('\n').join('\ndata: ') : data;
  return encoder.encode(`${head}data: ${body}\n\n`);
}
