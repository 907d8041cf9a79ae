/**
 * A byte stream that hands out the given chunks one per `pull()`, the way a network body
 * arrives. Enqueuing everything up front would instead make Node's web streams slow down
 * with the queue length and measure the queue rather than the decoder.
 */
export function pullStream(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (next < chunks.length) controller.enqueue(chunks[next++]!);
        else controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}

/** Splits bytes into consecutive chunks whose sizes are drawn from `nextSize`. */
export function splitBytes(bytes: Uint8Array, nextSize: () => number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const end = Math.min(bytes.length, offset + nextSize());
    chunks.push(bytes.subarray(offset, end));
    offset = end;
  }
  return chunks;
}
