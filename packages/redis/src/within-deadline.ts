/**
 * `command`, or a rejection once it has gone `ms` without a reply. It bounds the producer's
 * appends and beats, the store's most frequent commands, with one plain timer each: node-redis's
 * `timeout` command option makes an `AbortSignal.timeout` per command, which costs several
 * times more. Unlike that option it does not withdraw a command still queued while the
 * connection is re-established; for a producer's commands that is harmless, as they run in
 * order and its end, queued after them, settles the turn.
 */
export function withinDeadline<T>(command: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no reply from Redis within ${ms} ms`)), ms);
    command.then(
      (reply) => {
        clearTimeout(timer);
        resolve(reply);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
